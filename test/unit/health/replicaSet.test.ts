import { describe } from 'node:test';
import { live, testHealthCases } from './healthCases';

function replicaSet(status: Record<string, unknown>, generation = 1) {
  return live('apps/v1', 'ReplicaSet', { metadata: { generation }, spec: { replicas: 2 }, status: { observedGeneration: 1, ...status } });
}
const quotaFailure = { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'pods "web-x" is forbidden: exceeded quota' };

describe('ReplicaSet health', () => {
  testHealthCases([
    { name: 'all available is Healthy', object: replicaSet({ availableReplicas: 2 }), status: 'Healthy' },
    {
      name: 'ReplicaFailure=True is Degraded with its message',
      object: replicaSet({ availableReplicas: 0, conditions: [quotaFailure] }),
      status: 'Degraded',
      message: quotaFailure.message,
    },
    { name: 'ReplicaFailure=False is ignored', object: replicaSet({ availableReplicas: 2, conditions: [{ ...quotaFailure, status: 'False' }] }), status: 'Healthy' },
    {
      name: 'fewer available than desired',
      object: replicaSet({ availableReplicas: 1 }),
      status: 'Progressing',
      message: 'Waiting for rollout to finish: 1 out of 2 new replicas are available...',
    },
    { name: 'observedGeneration behind generation', object: replicaSet({ availableReplicas: 2 }, 3), status: 'Progressing' },
  ]);
});
