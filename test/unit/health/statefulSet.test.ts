import { describe } from 'node:test';
import { live, testHealthCases } from './healthCases';

function statefulSet(spec: Record<string, unknown>, status: Record<string, unknown>, generation = 1) {
  return live('apps/v1', 'StatefulSet', { metadata: { generation }, spec: { replicas: 3, ...spec }, status: { observedGeneration: 1, ...status } });
}
const allReady = { readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, currentRevision: 'web-1', updateRevision: 'web-1' };
const partitioned = { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } };

describe('StatefulSet health', () => {
  testHealthCases([
    {
      name: 'rolling update complete is Healthy',
      object: statefulSet({ updateStrategy: { type: 'RollingUpdate' } }, allReady),
      status: 'Healthy',
      message: 'statefulset rolling update complete 3 pods at revision web-1...',
    },
    {
      name: 'observedGeneration 0 means the controller has not seen it yet',
      object: statefulSet({}, { ...allReady, observedGeneration: 0 }),
      status: 'Progressing',
      message: 'Waiting for statefulset spec update to be observed...',
    },
    { name: 'observedGeneration behind generation', object: statefulSet({}, allReady, 2), status: 'Progressing' },
    {
      name: 'pods not ready',
      object: statefulSet({}, { ...allReady, readyReplicas: 1 }),
      status: 'Progressing',
      message: 'Waiting for 2 pods to be ready...',
    },
    {
      name: 'partitioned rollout waits only for the ordinals at or above the partition',
      object: statefulSet(partitioned, { ...allReady, updatedReplicas: 0, updateRevision: 'web-2' }),
      status: 'Progressing',
      message: 'Waiting for partitioned roll out to finish: 0 out of 1 new pods have been updated...',
    },
    {
      name: 'partitioned rollout done even though lower ordinals are on the old revision',
      object: statefulSet(partitioned, { ...allReady, updatedReplicas: 1, updateRevision: 'web-2' }),
      status: 'Healthy',
      message: 'partitioned roll out complete: 1 new pods have been updated...',
    },
    {
      name: 'OnDelete with pods on the old revision is Healthy',
      object: statefulSet({ updateStrategy: { type: 'OnDelete' } }, { ...allReady, updatedReplicas: 0, updateRevision: 'web-2' }),
      status: 'Healthy',
      message: 'statefulset has 3 ready pods (0 updated)',
    },
    {
      name: 'revisions differ during a rolling update',
      object: statefulSet({}, { ...allReady, updatedReplicas: 1, updateRevision: 'web-2' }),
      status: 'Progressing',
      message: 'waiting for statefulset rolling update to complete 1 pods at revision web-2...',
    },
  ]);
});
