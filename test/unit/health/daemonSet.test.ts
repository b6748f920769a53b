import { describe } from 'node:test';
import { live, testHealthCases } from './healthCases';

function daemonSet(strategy: string, status: Record<string, unknown>, generation = 1) {
  return live('apps/v1', 'DaemonSet', {
    metadata: { name: 'agent', generation },
    spec: { updateStrategy: { type: strategy } },
    status: { observedGeneration: 1, desiredNumberScheduled: 4, ...status },
  });
}

describe('DaemonSet health', () => {
  testHealthCases([
    { name: 'all nodes updated and available is Healthy', object: daemonSet('RollingUpdate', { updatedNumberScheduled: 4, numberAvailable: 4 }), status: 'Healthy' },
    {
      name: 'OnDelete with nodes still on the old template is Healthy',
      object: daemonSet('OnDelete', { updatedNumberScheduled: 1, numberAvailable: 4 }),
      status: 'Healthy',
      message: 'daemon set 1 out of 4 new pods have been updated',
    },
    {
      name: 'rolling update in progress',
      object: daemonSet('RollingUpdate', { updatedNumberScheduled: 1, numberAvailable: 4 }),
      status: 'Progressing',
      message: 'Waiting for daemon set "agent" rollout to finish: 1 out of 4 new pods have been updated...',
    },
    {
      name: 'updated pods not yet available',
      object: daemonSet('RollingUpdate', { updatedNumberScheduled: 4, numberAvailable: 3 }),
      status: 'Progressing',
      message: 'Waiting for daemon set "agent" rollout to finish: 3 of 4 updated pods are available...',
    },
    {
      name: 'observedGeneration behind generation, even with OnDelete',
      object: daemonSet('OnDelete', { updatedNumberScheduled: 4, numberAvailable: 4 }, 2),
      status: 'Progressing',
      message: 'Waiting for rollout to finish: observed daemon set generation less then desired generation',
    },
  ]);
});
