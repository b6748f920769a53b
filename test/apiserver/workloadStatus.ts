// Stands in for the controllers: after a write, workloads report that they rolled out,
// so health reads Healthy. Tests that need another status write it through /status.
import { isObject, type JsonObject, type JsonValue } from './objects';

function replicasOf(object: JsonObject): number {
  const spec = object['spec'];
  const replicas = isObject(spec) ? spec['replicas'] : undefined;
  return typeof replicas === 'number' ? replicas : 1;
}

function generationOf(object: JsonObject): number {
  const metadata = object['metadata'];
  const generation = isObject(metadata) ? metadata['generation'] : undefined;
  return typeof generation === 'number' ? generation : 1;
}

function condition(type: string, reason: string, message: string, now: string): JsonObject {
  return { type, status: 'True', lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/** Conditions that did not change keep their timestamps, as controllers leave them. */
function keepTimes(conditions: JsonObject[], previous: JsonValue | undefined): JsonObject[] {
  const old = isObject(previous) && Array.isArray(previous['conditions']) ? previous['conditions'].filter(isObject) : [];
  return conditions.map((c) => {
    const same = old.find((o) => o['type'] === c['type'] && o['status'] === c['status'] && o['reason'] === c['reason'] && o['message'] === c['message']);
    return same ? { ...c, lastUpdateTime: same['lastUpdateTime'] ?? null, lastTransitionTime: same['lastTransitionTime'] ?? null } : c;
  });
}

/** Counts that are zero are omitted, as the Go structs' omitempty does. */
function counts(fields: Record<string, number>): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(fields)) if (value !== 0) out[key] = value;
  return out;
}

export function synthesizeStatus(kind: string, object: JsonObject, now: string): void {
  const name = isObject(object['metadata']) ? String(object['metadata']['name']) : '';
  const replicas = replicasOf(object);
  const observedGeneration = generationOf(object);
  switch (kind) {
    case 'Deployment':
      object['status'] = {
        observedGeneration,
        ...counts({ replicas, updatedReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas }),
        conditions: keepTimes([
          condition('Available', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now),
          condition('Progressing', 'NewReplicaSetAvailable', `ReplicaSet "${name}" has successfully progressed.`, now),
        ], object['status']),
      };
      break;
    case 'StatefulSet':
      object['status'] = {
        observedGeneration, replicas,
        ...counts({ readyReplicas: replicas, currentReplicas: replicas, updatedReplicas: replicas, availableReplicas: replicas }),
        currentRevision: `${name}-0`, updateRevision: `${name}-0`, collisionCount: 0,
      };
      break;
    case 'ReplicaSet':
      object['status'] = { observedGeneration, replicas, ...counts({ fullyLabeledReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas }) };
      break;
    case 'DaemonSet':
      object['status'] = {
        observedGeneration, currentNumberScheduled: 1, desiredNumberScheduled: 1, numberMisscheduled: 0,
        numberReady: 1, numberAvailable: 1, updatedNumberScheduled: 1,
      };
      break;
    case 'Pod':
      if (!isObject(object['status'])) object['status'] = { phase: 'Running', startTime: now, conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }] };
      break;
    case 'PersistentVolumeClaim':
      if (!isObject(object['status'])) object['status'] = { phase: 'Bound' };
      break;
  }
}
