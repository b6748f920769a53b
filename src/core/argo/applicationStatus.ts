import type { KubeObject, ObjectRef } from '../ports';
import { list, record, str, stringList } from '../repo/values';

// What Argo CD wrote into an Application's status (types.go ApplicationStatus), read
// leniently: a controller of another version may leave fields out.

export const applicationApiVersion = 'argoproj.io/v1alpha1';

export function applicationRef(name: string, namespace = 'argocd'): ObjectRef {
  return { apiVersion: applicationApiVersion, kind: 'Application', namespace, name };
}

export interface ArgoResourceStatus {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly status: string;
  readonly health?: string;
}

export interface ArgoHistoryEntry {
  readonly id: number;
  readonly revision?: string;
  readonly revisions?: readonly string[];
  readonly deployedAt?: string;
  readonly source?: Record<string, unknown>;
  readonly sources?: readonly Record<string, unknown>[];
}

export type OperationPhase = 'Running' | 'Terminating' | 'Succeeded' | 'Failed' | 'Error';

export interface ArgoOperationState {
  readonly phase: string;
  readonly message?: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly syncRevision?: string;
}

export interface ArgoAppStatus {
  readonly name: string;
  readonly sync: string;
  readonly revision?: string;
  readonly revisions?: readonly string[];
  readonly health: string;
  readonly healthMessage?: string;
  readonly resources: readonly ArgoResourceStatus[];
  readonly operationState?: ArgoOperationState;
  /** The top-level `operation` is set: a request waits for (or is in) the controller. */
  readonly operationPending: boolean;
  readonly history: readonly ArgoHistoryEntry[];
  readonly automated: boolean;
}

export function isTerminal(phase: string | undefined): boolean {
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Error';
}

/** `automated` present and not switched off with Argo CD 3's `enabled: false`. */
export function automatedSyncOn(app: KubeObject): boolean {
  const automated = record(record(record(app['spec'])['syncPolicy']))['automated'];
  return automated !== undefined && automated !== null && record(automated)['enabled'] !== false;
}

export function readApplicationStatus(app: KubeObject): ArgoAppStatus {
  const status = record(app['status']);
  const sync = record(status['sync']);
  const health = record(status['health']);
  const op = record(status['operationState']);
  const opSync = record(record(op['syncResult']));
  const revisions = stringList(sync['revisions']);
  const healthMessage = str(health['message']);
  const operationState: ArgoOperationState | undefined = Object.keys(op).length === 0 ? undefined : {
    phase: str(op['phase']) ?? 'Unknown',
    ...opt('message', str(op['message'])),
    ...opt('startedAt', str(op['startedAt'])),
    ...opt('finishedAt', str(op['finishedAt'])),
    ...opt('syncRevision', str(opSync['revision'])),
  };
  return {
    name: app.metadata.name,
    sync: str(sync['status']) ?? 'Unknown',
    ...opt('revision', str(sync['revision'])),
    ...(revisions.length > 0 ? { revisions } : {}),
    health: str(health['status']) ?? 'Unknown',
    ...opt('healthMessage', healthMessage),
    resources: list(status['resources']).map(record).map((r) => ({
      group: str(r['group']) ?? '', kind: str(r['kind']) ?? '', namespace: str(r['namespace']) ?? '', name: str(r['name']) ?? '',
      status: str(r['status']) ?? 'Unknown', ...opt('health', str(record(r['health'])['status'])),
    })),
    ...(operationState ? { operationState } : {}),
    operationPending: app['operation'] !== undefined && app['operation'] !== null,
    history: list(status['history']).map(record).map((h) => ({
      id: Number(h['id']),
      ...opt('revision', str(h['revision'])),
      ...(Array.isArray(h['revisions']) ? { revisions: stringList(h['revisions']) } : {}),
      ...opt('deployedAt', str(h['deployedAt'])),
      ...(h['source'] !== undefined ? { source: record(h['source']) } : {}),
      ...(Array.isArray(h['sources']) ? { sources: list(h['sources']).map(record) } : {}),
    })),
    automated: automatedSyncOn(app),
  };
}

function opt<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined || value === '' ? {} : { [key]: value }) as { [P in K]?: string };
}

export function shortRevision(revision: string | undefined): string {
  if (!revision) return 'unknown revision';
  return /^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 7) : revision;
}

/**
 * One line for the status bar and the CLI: "Argo CD: OutOfSync at abc1234 · Healthy ·
 * 2 of 5 resources OutOfSync · last sync Succeeded", plus what the working copy adds when
 * the caller knows (`localChanges` fields that differ from what Argo CD compares against).
 */
export function summarizeStatus(status: ArgoAppStatus, localChanges?: number): string {
  const revision = status.revisions && status.revisions.length > 0 ? status.revisions.map(shortRevision).join(', ') : shortRevision(status.revision);
  const parts = [`Argo CD: ${status.sync} at ${revision}`, status.health];
  const outOfSync = status.resources.filter((r) => r.status === 'OutOfSync').length;
  if (outOfSync > 0) parts.push(`${outOfSync} of ${status.resources.length} resources OutOfSync`);
  const op = status.operationState;
  if (op && !isTerminal(op.phase)) parts.push(`operation ${op.phase}${op.message ? `: ${op.message}` : ''}`);
  else if (status.operationPending) parts.push('operation requested');
  else if (op) parts.push(`last sync ${op.phase}${op.phase === 'Succeeded' || !op.message ? '' : `: ${op.message}`}`);
  if (status.automated) parts.push('auto-sync');
  if (localChanges !== undefined && localChanges > 0) parts.push(`your working copy changes ${localChanges} more field${localChanges === 1 ? '' : 's'}`);
  return parts.join(' · ');
}
