// Chunked lists (`?limit=N&continue=TOKEN`), as kube-apiserver serves them from etcd: items in
// namespace/name order, every page as of the first page's resourceVersion (the store undoes
// newer events from its history; once those are compacted away the token is 410 Expired).
import { badRequest, expired } from './apiErrors';
import { decodeContinue, encodeContinue } from './continueToken';
import { clone, type KubeObject } from './objects';
import { compareKeys, keyOf, type ObjectStore } from './objectStore';
import { resourceKey, type ResourceType } from './resourceTable';

export interface ListPage {
  readonly items: KubeObject[];
  /** The list's metadata: the snapshot's resourceVersion, and where to continue when more remain. */
  readonly metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
}

export interface PageRequest {
  readonly type: ResourceType;
  readonly namespace: string | undefined;
  readonly query: URLSearchParams;
  /** Label and field selectors; kube-apiserver counts no remaining items when they filter. */
  readonly matches: (object: KubeObject) => boolean;
  readonly filtered: boolean;
}

export function listPage(store: ObjectStore, request: PageRequest): ListPage {
  const limit = limitParam(request.query);
  const token = request.query.get('continue');
  let snapshot = store.currentResourceVersion;
  let objects: readonly KubeObject[];
  if (token) {
    const { resourceVersion, lastKey } = decodeContinue(token);
    const then = snapshotAt(store, request, resourceVersion);
    if (!then) throw expired('The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.');
    snapshot = resourceVersion;
    objects = then.filter((o) => compareKeys(keyOf(o), lastKey) > 0);
  } else {
    objects = limit === undefined ? store.listShared(request.type, request.namespace) : (snapshotAt(store, request, snapshot) ?? []);
  }
  // The store's own objects: clone only the page served.
  const selected = objects.filter(request.matches);
  const metadata: ListPage['metadata'] = { resourceVersion: String(snapshot) };
  if (limit === undefined || selected.length <= limit) return { items: selected.map((o) => clone(o)), metadata };
  const items = selected.slice(0, limit).map((o) => clone(o));
  const last = items.at(-1);
  if (last) metadata.continue = encodeContinue({ resourceVersion: snapshot, lastKey: keyOf(last) });
  if (!request.filtered) metadata.remainingItemCount = selected.length - limit;
  return { items, metadata };
}

/** The last few snapshots paged through, so a 40-page list sorts its 20,000 objects once, not 40 times. */
const snapshots = new WeakMap<ObjectStore, Map<string, readonly KubeObject[]>>();
const keptSnapshots = 8;

/** The sorted objects as of `resourceVersion` (shared, read-only); undefined once compacted away. */
function snapshotAt(store: ObjectStore, request: PageRequest, resourceVersion: number): readonly KubeObject[] | undefined {
  if (resourceVersion < store.oldestWatchableVersion && resourceVersion !== store.currentResourceVersion) return undefined;
  let kept = snapshots.get(store);
  if (!kept) snapshots.set(store, (kept = new Map()));
  const key = `${resourceKey(request.type)}|${request.namespace ?? ''}|${resourceVersion}`;
  const hit = kept.get(key);
  if (hit) return hit;
  const objects =
    resourceVersion === store.currentResourceVersion ? store.listShared(request.type, request.namespace) : store.listAt(request.type, request.namespace, resourceVersion);
  if (!objects) return undefined;
  kept.set(key, objects);
  for (const oldest of kept.keys()) {
    if (kept.size <= keptSnapshots) break;
    kept.delete(oldest);
  }
  return objects;
}

/** A positive `limit`; 0 or none means everything (as kube-apiserver reads it). */
function limitParam(query: URLSearchParams): number | undefined {
  const text = query.get('limit');
  if (text === null || text === '') return undefined;
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 0) throw badRequest(`invalid limit: ${text}`);
  return limit === 0 ? undefined : limit;
}
