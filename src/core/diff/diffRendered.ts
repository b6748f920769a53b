import type { KubeObject, ObjectRef } from '../ports';
import type { RenderResult } from '../kustomize/render';
import type { Resource } from '../kustomize/resource';
import { splitApiVersion } from '../kustomize/resource';
import { ignoresExtraneous, isTrackedBy } from '../sync/tracking';
import { isHook } from '../sync/syncAnnotations';
import { compare, type CompareOptions } from './compare';
import type { ResourceDiff } from './types';
import { assessHealth } from '../health/assessHealth';

/** Where live objects come from: the CLI asks the API server, the editor its watch cache. */
export interface LiveSource {
  get(ref: ObjectRef): Promise<KubeObject | undefined>;
  /** Every live object of a kind in a namespace; needed to find Extra objects. */
  list?(apiVersion: string, kind: string, namespace: string | undefined): Promise<readonly KubeObject[]>;
}

export interface DiffOptions extends Omit<CompareOptions, 'provenance'> {
  /** How this app marks the live objects it owns; without it nothing is reported Extra. */
  readonly tracking?: { readonly id: string; readonly argoAppName?: string };
}

export function refOf(r: Resource): ObjectRef {
  const namespace = r.object.metadata['namespace'];
  return {
    apiVersion: String(r.object['apiVersion']),
    kind: String(r.object['kind']),
    name: String(r.object.metadata['name']),
    namespace: typeof namespace === 'string' ? namespace : undefined,
  };
}

const refKey = (r: ObjectRef): string => `${r.apiVersion}|${r.kind}|${r.namespace ?? ''}|${r.name}`;

/** The drift of every rendered resource against the live cluster in render order, then Extra objects. */
export async function diffRendered(rendered: RenderResult, live: LiveSource, options: DiffOptions = {}): Promise<ResourceDiff[]> {
  // Hooks live by their delete policy, not by Git: Argo CD never counts them as drift.
  const resources = rendered.resources.filter((r) => !isHook(r.object as unknown as KubeObject));
  const refs = resources.map(refOf);
  const lives = await Promise.all(refs.map((ref) => live.get(ref)));
  const compareOptions = { ...options, provenance: rendered.provenance };
  const diffs = resources.map((r, i) => compare(r, lives[i], compareOptions));
  if (options.tracking && live.list) diffs.push(...(await findExtra(refs, live.list.bind(live), options.tracking)));
  return diffs;
}

/** Live objects tracked as part of the app, of the kinds and namespaces it uses, that Git no longer has. */
async function findExtra(
  desired: readonly ObjectRef[],
  list: NonNullable<LiveSource['list']>,
  tracking: NonNullable<DiffOptions['tracking']>,
): Promise<ResourceDiff[]> {
  const wanted = new Set(desired.map(refKey));
  const scopes = new Map<string, ObjectRef>();
  for (const ref of desired) scopes.set(`${ref.apiVersion}|${ref.kind}|${ref.namespace ?? ''}`, ref);
  const extra: ResourceDiff[] = [];
  for (const scope of scopes.values()) {
    for (const object of await list(scope.apiVersion, scope.kind, scope.namespace)) {
      const ref = { apiVersion: scope.apiVersion, kind: scope.kind, namespace: object.metadata.namespace, name: object.metadata.name };
      if (wanted.has(refKey(ref)) || !isTrackedBy(object, tracking.id, tracking.argoAppName) || ignoresExtraneous(object)) continue;
      const { group, version } = splitApiVersion(scope.apiVersion);
      extra.push({ group, version, kind: scope.kind, namespace: ref.namespace, name: ref.name, status: 'Extra', health: assessHealth(object), changes: [], source: undefined });
    }
  }
  return extra;
}
