// Status as the kube-controller-manager would write it for a workload in each phase of a
// rollout: progressing (the new pods are not all there yet), complete, or failed. Field
// presence follows the Go structs' omitempty; Pods and PVCs are settled at write time.
import { isObject, objectAt, type JsonObject, type JsonValue } from './objects';

export type RolloutPhase = 'progressing' | 'complete' | 'failed';

export interface StatusInput {
  object: JsonObject;
  phase: RolloutPhase;
  now: string;
  /** The pod template differs from the one the previous status was rolled out from. */
  templateChanged: boolean;
}

/** controller.ComputeHash's shape: FNV-1a of the template, its decimal digits safe-encoded. */
export function templateHash(template: JsonValue | undefined): string {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(JSON.stringify(template ?? null))) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  return [...String(hash)].map((c) => alphabet[c.charCodeAt(0) % alphabet.length]).join('');
}

function num(value: JsonValue | undefined, fallback = 0): number {
  return typeof value === 'number' ? value : fallback;
}

/** Counts that are zero are omitted, as the Go structs' omitempty does. */
function counts(fields: Record<string, number>): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(fields)) if (value !== 0) out[key] = value;
  return out;
}

function nameOf(object: JsonObject): string {
  return String(objectAt(object, 'metadata')?.['name'] ?? '');
}

/** Conditions keep lastTransitionTime while their status holds, lastUpdateTime while nothing changes. */
function conditions(previous: JsonValue | undefined, next: JsonObject[], timeFields: string[]): JsonObject[] {
  const old = isObject(previous) && Array.isArray(previous['conditions']) ? previous['conditions'].filter(isObject) : [];
  return next.map((c) => {
    const before = old.find((o) => o['type'] === c['type']);
    if (!before || before['status'] !== c['status']) return c;
    const same = before['reason'] === c['reason'] && before['message'] === c['message'];
    const kept: JsonObject = { ...c };
    for (const field of timeFields) if (field === 'lastTransitionTime' || same) kept[field] = before[field] ?? c[field] ?? null;
    return kept;
  });
}

/** maxUnavailable of a RollingUpdate Deployment, percentages rounded down (intstr scaled). */
function maxUnavailable(spec: JsonObject | undefined, replicas: number): number {
  const strategy = isObject(spec?.['strategy']) ? spec['strategy'] : {};
  if (strategy['type'] === 'Recreate') return 0;
  const value = objectAt(strategy, 'rollingUpdate')?.['maxUnavailable'] ?? '25%';
  if (typeof value === 'number') return value;
  const percent = /^(\d+)%$/.exec(String(value));
  return percent ? Math.floor((Number(percent[1]) * replicas) / 100) : 0;
}

function deployment({ object, phase, now, templateChanged }: StatusInput, replicaSet: string): JsonObject {
  const spec = objectAt(object, 'spec');
  const previous = objectAt(object, 'status');
  const replicas = num(spec?.['replicas'], 1);
  const generation = num(objectAt(object, 'metadata')?.['generation'], 1);
  const fresh = previous?.['observedGeneration'] === undefined;
  const done = phase === 'complete';
  const available = done ? replicas : fresh ? 0 : Math.min(num(previous?.['availableReplicas']), replicas);
  const ready = done ? replicas : fresh ? 0 : Math.min(num(previous?.['readyReplicas']), replicas);
  const updated = done || fresh || !templateChanged ? replicas : Math.min(1, replicas);
  const total = done || fresh || !templateChanged ? replicas : available + updated;
  const minAvailable = replicas - maxUnavailable(spec, replicas);
  const condition = (type: string, status: string, reason: string, message: string): JsonObject =>
    ({ type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message });
  const progressing = phase === 'complete'
    ? condition('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${replicaSet}" has successfully progressed.`)
    : phase === 'failed'
      ? condition('Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet "${replicaSet}" has timed out progressing.`)
      : condition('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${replicaSet}" is progressing.`);
  const availability = available >= minAvailable
    ? condition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.')
    : condition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.');
  return {
    observedGeneration: generation,
    ...counts({ replicas: total, updatedReplicas: updated, readyReplicas: ready, availableReplicas: available, unavailableReplicas: Math.max(0, total - available) }),
    conditions: conditions(previous, [availability, progressing], ['lastUpdateTime', 'lastTransitionTime']),
  };
}

function statefulSet({ object, phase }: StatusInput, revision: string): JsonObject {
  const replicas = num(objectAt(object, 'spec')?.['replicas'], 1);
  const previous = objectAt(object, 'status');
  const done = phase === 'complete';
  const fresh = previous?.['observedGeneration'] === undefined;
  const current = typeof previous?.['currentRevision'] === 'string' && !fresh ? previous['currentRevision'] : revision;
  const ready = done ? replicas : fresh ? 0 : Math.min(num(previous?.['readyReplicas']), replicas);
  return {
    observedGeneration: num(objectAt(object, 'metadata')?.['generation'], 1),
    replicas,
    ...counts({ readyReplicas: ready, currentReplicas: done ? replicas : Math.min(num(previous?.['currentReplicas']), replicas), updatedReplicas: done ? replicas : 0 }),
    currentRevision: done ? revision : current,
    updateRevision: revision,
    collisionCount: 0,
    availableReplicas: ready,
  };
}

function daemonSet({ object, phase }: StatusInput): JsonObject {
  const previous = objectAt(object, 'status');
  const done = phase === 'complete';
  const available = done ? 1 : Math.min(num(previous?.['numberAvailable']), 1);
  // One emulated node, so one pod per DaemonSet.
  return {
    currentNumberScheduled: 1, numberMisscheduled: 0, desiredNumberScheduled: 1, numberReady: available,
    observedGeneration: num(objectAt(object, 'metadata')?.['generation'], 1),
    ...counts({ updatedNumberScheduled: done ? 1 : 0, numberAvailable: available, numberUnavailable: 1 - available }),
  };
}

function replicaSet({ object, phase }: StatusInput): JsonObject {
  const replicas = num(objectAt(object, 'spec')?.['replicas'], 1);
  const previous = objectAt(object, 'status');
  const ready = phase === 'complete' ? replicas : Math.min(num(previous?.['readyReplicas']), replicas);
  return {
    replicas, ...counts({ fullyLabeledReplicas: replicas, readyReplicas: ready, availableReplicas: ready }),
    observedGeneration: num(objectAt(object, 'metadata')?.['generation'], 1),
  };
}

function job({ object, phase, now }: StatusInput): JsonObject {
  const spec = objectAt(object, 'spec');
  const previous = objectAt(object, 'status');
  const startTime = typeof previous?.['startTime'] === 'string' ? previous['startTime'] : now;
  const base = { startTime, ready: 0, terminating: 0, uncountedTerminatedPods: {} };
  const condition = (type: string, reason: string, message: string): JsonObject =>
    ({ type, status: 'True', lastProbeTime: now, lastTransitionTime: now, reason, message });
  if (phase === 'progressing') return { ...base, active: num(spec?.['parallelism'], 1) };
  if (phase === 'failed') {
    const why = 'Job has reached the specified backoff limit';
    return {
      ...base, failed: num(spec?.['backoffLimit'], 6) + 1,
      conditions: [condition('FailureTarget', 'BackoffLimitExceeded', why), condition('Failed', 'BackoffLimitExceeded', why)],
    };
  }
  const reached = 'Reached expected number of succeeded pods';
  return {
    ...base, completionTime: now, succeeded: num(spec?.['completions'], 1),
    conditions: [condition('SuccessCriteriaMet', 'CompletionsReached', reached), condition('Complete', 'CompletionsReached', reached)],
  };
}

/** The status of a workload kind in a phase; undefined for kinds no controller drives. */
export function workloadStatus(kind: string, input: StatusInput): JsonObject | undefined {
  const hash = templateHash(objectAt(input.object, 'spec', 'template'));
  switch (kind) {
    case 'Deployment': return deployment(input, `${nameOf(input.object)}-${hash}`);
    case 'StatefulSet': return statefulSet(input, `${nameOf(input.object)}-${hash}`);
    case 'DaemonSet': return daemonSet(input);
    case 'ReplicaSet': return replicaSet(input);
    case 'Job': return job(input);
    default: return undefined;
  }
}

/** Statuses settled at write time: no emulated kubelet or volume binder to wait for. */
export function settleStatus(kind: string, object: JsonObject, now: string): void {
  if (kind === 'Pod' && !isObject(object['status'])) {
    object['status'] = { phase: 'Running', startTime: now, conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }] };
  }
  if (kind === 'PersistentVolumeClaim' && !isObject(object['status'])) object['status'] = { phase: 'Bound' };
}
