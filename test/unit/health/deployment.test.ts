import { describe } from 'node:test';
import { live, testHealthCases } from './healthCases';

function deployment(spec: Record<string, unknown>, status: Record<string, unknown>, generation = 1) {
  return live('apps/v1', 'Deployment', { metadata: { name: 'api', generation }, spec, status: { observedGeneration: 1, ...status } });
}
const settled = { replicas: 3, updatedReplicas: 3, availableReplicas: 3 };
const deadlineExceeded = { conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] };

describe('Deployment health', () => {
  testHealthCases([
    { name: 'all replicas updated and available is Healthy', object: deployment({ replicas: 3 }, settled), status: 'Healthy', message: '' },
    { name: 'paused is Suspended', object: deployment({ replicas: 3, paused: true }, { replicas: 1 }), status: 'Suspended', message: 'Deployment is paused' },
    {
      name: 'progress deadline exceeded is Degraded',
      object: deployment({ replicas: 3 }, { ...settled, ...deadlineExceeded }),
      status: 'Degraded',
      message: 'Deployment "api" exceeded its progress deadline',
    },
    {
      name: 'observedGeneration behind generation is Progressing, whatever the stale status says',
      object: deployment({ replicas: 3 }, { ...settled, ...deadlineExceeded }, 2),
      status: 'Progressing',
      message: 'Waiting for rollout to finish: observed deployment generation less then desired generation',
    },
    {
      name: 'fewer updated replicas than desired',
      object: deployment({ replicas: 3 }, { replicas: 3, updatedReplicas: 1, availableReplicas: 3 }),
      status: 'Progressing',
      message: 'Waiting for rollout to finish: 1 out of 3 new replicas have been updated...',
    },
    {
      name: 'old replicas still terminating',
      object: deployment({ replicas: 3 }, { replicas: 4, updatedReplicas: 3, availableReplicas: 3 }),
      status: 'Progressing',
      message: 'Waiting for rollout to finish: 1 old replicas are pending termination...',
    },
    {
      name: 'updated replicas not yet available',
      object: deployment({ replicas: 3 }, { replicas: 3, updatedReplicas: 3, availableReplicas: 2 }),
      status: 'Progressing',
      message: 'Waiting for rollout to finish: 2 of 3 updated replicas are available...',
    },
    { name: 'scaled to zero is Healthy', object: deployment({ replicas: 0 }, {}), status: 'Healthy' },
    { name: 'no spec.replicas skips the desired-count check', object: deployment({}, { replicas: 2, updatedReplicas: 2, availableReplicas: 2 }), status: 'Healthy' },
    { name: 'no status at all waits for the controller', object: live('apps/v1', 'Deployment', { metadata: { generation: 1 }, spec: { replicas: 1 } }), status: 'Progressing' },
    {
      // gitops-engine answers Unknown ("unsupported Deployment GVK") for pre-1.16 versions; the fields are identical, so we assess them.
      name: 'apps/v1beta2 Deployment uses the same rules (deliberate: Argo CD says Unknown)',
      object: { ...deployment({ replicas: 1 }, { replicas: 1, updatedReplicas: 1, availableReplicas: 1 }), apiVersion: 'apps/v1beta2' },
      status: 'Healthy',
    },
    { name: 'extensions/v1beta1 Deployment has no health, as in Argo CD', object: { ...deployment({ replicas: 1 }, {}), apiVersion: 'extensions/v1beta1' }, status: 'none' },
  ]);
});
