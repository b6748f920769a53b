// A minimal kube-controller-manager for workloads, so status moves as on a real cluster:
// a spec change (new generation) or a new Job is answered at once with a "progressing"
// status, and `rolloutDelayMs` later with a complete one (available, rolled out, succeeded).
// Writes go through /status as kube-controller-manager, so managedFields show them too.
// Only spec changes start a rollout: a status written by a test through /status stays.
//
// stick({kind, namespace, name, mode}) makes a named object's rollouts never finish:
// mode 'progressing' (default) stays progressing; 'failed' ends in Progressing=False
// ProgressDeadlineExceeded (Deployment) or Failed/BackoffLimitExceeded (Job) after the delay.
// It applies to the next rollout (or the one under way); unstick lets it finish.
import type { ClusterState } from './clusterState';
import type { StoredEvent } from './objectStore';
import { clone, deepEqual, isObject, objectAt, rfc3339, type JsonObject, type KubeObject } from './objects';
import type { ResourceType } from './resourceTable';
import { templateHash, workloadStatus, type RolloutPhase } from './workloadStatus';
import { commitWrite } from './writePipeline';

export type StuckMode = 'progressing' | 'failed';

export interface StuckWorkload {
  kind: string;
  namespace?: string;
  name: string;
  mode?: StuckMode;
}

export interface WorkloadControllerOptions {
  /** How long a rollout takes from progressing to complete; default 300 ms. */
  rolloutDelayMs?: number;
  stuck?: StuckWorkload[];
}

const controlled = new Set(['apps/Deployment', 'apps/StatefulSet', 'apps/DaemonSet', 'apps/ReplicaSet', 'batch/Job']);
const revisionAnnotation = 'deployment.kubernetes.io/revision';

function isControlled(type: ResourceType): boolean {
  return controlled.has(`${type.group}/${type.kind}`);
}

function keyOf(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

function needsRollout(kind: string, object: KubeObject): boolean {
  const status = objectAt(object, 'status');
  if (kind === 'Job') return status?.['startTime'] === undefined;
  return object.metadata.generation !== status?.['observedGeneration'];
}

/** Did the pod template change since the status was last written? (The new ReplicaSet/revision name differs.) */
function templateChanged(kind: string, object: KubeObject): boolean {
  const status = objectAt(object, 'status');
  if (!status) return true;
  const revision = `${object.metadata.name ?? ''}-${templateHash(objectAt(object, 'spec', 'template'))}`;
  if (kind === 'StatefulSet') return status['updateRevision'] !== revision;
  if (kind === 'Deployment') {
    const conditions = Array.isArray(status['conditions']) ? status['conditions'].filter(isObject) : [];
    const progressing = conditions.find((c) => c['type'] === 'Progressing');
    return !String(progressing?.['message'] ?? '').includes(`"${revision}"`);
  }
  return true;
}

/** Status without timestamps, to tell whether a workload already shows a phase. */
function timeless(status: JsonObject | undefined): JsonObject | undefined {
  if (!status) return undefined;
  const copy = clone(status);
  for (const key of ['startTime', 'completionTime']) delete copy[key];
  if (Array.isArray(copy['conditions'])) {
    copy['conditions'] = copy['conditions'].filter(isObject).map(({ lastUpdateTime: _u, lastTransitionTime: _t, lastProbeTime: _p, ...rest }) => rest);
  }
  return copy;
}

export class WorkloadController {
  rolloutDelayMs: number;
  private readonly stuck = new Map<string, StuckMode>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly queued = new Map<string, NodeJS.Immediate>();
  private readonly unsubscribe: () => void;

  constructor(private readonly state: ClusterState, options: WorkloadControllerOptions = {}) {
    this.rolloutDelayMs = options.rolloutDelayMs ?? 300;
    for (const w of options.stuck ?? []) this.stick(w);
    this.unsubscribe = state.store.subscribe((event) => this.observe(event));
  }

  stick(workload: StuckWorkload): void {
    this.stuck.set(keyOf(workload.kind, workload.namespace, workload.name), workload.mode ?? 'progressing');
  }

  unstick(workload: Omit<StuckWorkload, 'mode'>): void {
    const key = keyOf(workload.kind, workload.namespace, workload.name);
    this.stuck.delete(key);
    const type = this.state.registry.all().find((t) => isControlled(t) && t.kind === workload.kind);
    if (type) this.resume(type, workload.namespace, workload.name);
  }

  /** Picks up rollouts cut short by a restart (after loading saved state). */
  resumeAll(): void {
    for (const type of this.state.registry.all().filter(isControlled)) {
      for (const object of this.state.store.list(type)) this.resume(type, object.metadata.namespace, object.metadata.name ?? '');
    }
  }

  close(): void {
    this.unsubscribe();
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const immediate of this.queued.values()) clearImmediate(immediate);
    this.timers.clear();
    this.queued.clear();
  }

  private observe(event: StoredEvent): void {
    const type = event.resource;
    if (!isControlled(type)) return;
    const { namespace, name = '' } = event.object.metadata;
    const key = keyOf(type.kind, namespace, name);
    if (event.type === 'DELETED') {
      clearTimeout(this.timers.get(key));
      this.timers.delete(key);
      return;
    }
    if (!needsRollout(type.kind, event.object) || this.queued.has(key)) return;
    // Never write from inside a store event: other listeners have not seen this one yet.
    this.queued.set(key, setImmediate(() => {
      this.queued.delete(key);
      this.start(type, namespace, name);
    }));
  }

  private resume(type: ResourceType, namespace: string | undefined, name: string): void {
    const object = this.state.store.get(type, namespace, name);
    if (!object) return;
    if (needsRollout(type.kind, object)) return this.start(type, namespace, name);
    const complete = workloadStatus(type.kind, { object, phase: 'complete', now: '', templateChanged: false });
    const key = keyOf(type.kind, namespace, name);
    if (!this.timers.has(key) && !deepEqual(timeless(objectAt(object, 'status')), timeless(complete))) this.schedule(type, namespace, name);
  }

  private start(type: ResourceType, namespace: string | undefined, name: string): void {
    const object = this.state.store.get(type, namespace, name);
    if (!object || !needsRollout(type.kind, object)) return;
    const changed = templateChanged(type.kind, object);
    const annotations = { ...(object.metadata.annotations ?? {}) };
    if (type.kind === 'Deployment' && (changed || annotations[revisionAnnotation] === undefined)) {
      annotations[revisionAnnotation] = String(Number(annotations[revisionAnnotation] ?? '0') + 1);
    }
    this.write(type, object, 'progressing', changed, annotations);
    this.schedule(type, namespace, name);
  }

  private schedule(type: ResourceType, namespace: string | undefined, name: string): void {
    const key = keyOf(type.kind, namespace, name);
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      const mode = this.stuck.get(key);
      const object = this.state.store.get(type, namespace, name);
      if (!object || mode === 'progressing') return;
      this.write(type, object, mode === 'failed' ? 'failed' : 'complete', false, object.metadata.annotations);
    }, this.rolloutDelayMs));
  }

  private write(type: ResourceType, before: KubeObject, phase: RolloutPhase, changed: boolean, annotations: Record<string, string> | undefined): void {
    const now = new Date();
    const status = workloadStatus(type.kind, { object: before, phase, now: rfc3339(now), templateChanged: changed });
    if (!status) return;
    const after = clone(before);
    after['status'] = status;
    if (annotations) after.metadata.annotations = annotations;
    commitWrite({
      state: this.state, type, before, after, subresource: 'status',
      ownership: { operation: 'Update', manager: 'kube-controller-manager' }, dryRun: false, now,
    });
  }
}
