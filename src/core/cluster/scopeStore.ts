import type { KubeObject } from '../ports';
import type { CacheChange, ChangeType, Scope } from './connectionState';

/**
 * The objects of one scope by namespace, then name, and the changes that each update makes.
 * Per namespace because a watch across all namespaces serves lookups one namespace at a time.
 */
export class ScopeStore {
  private readonly namespaces = new Map<string, Map<string, KubeObject>>();
  private count = 0;

  constructor(private readonly scope: Scope) {}

  get size(): number {
    return this.count;
  }

  get(namespace: string | undefined, name: string): KubeObject | undefined {
    return this.namespaces.get(namespace ?? '')?.get(name);
  }

  *values(): IterableIterator<KubeObject> {
    for (const objects of this.namespaces.values()) yield* objects.values();
  }

  /** The objects of one namespace ('' for cluster-scoped ones). */
  valuesIn(namespace: string): IterableIterator<KubeObject> {
    return (this.namespaces.get(namespace) ?? new Map<string, KubeObject>()).values();
  }

  /** One watch event; undefined when it changes nothing (a replayed or duplicate event). */
  apply(type: ChangeType, object: KubeObject): CacheChange | undefined {
    const namespace = object.metadata.namespace ?? '';
    const { name } = object.metadata;
    const previous = this.get(namespace, name);
    if (type === 'DELETED') {
      if (!previous) return undefined;
      this.remove(namespace, name);
      return { type, scope: this.scope, object: previous };
    }
    if (previous && sameVersion(previous, object)) return undefined;
    this.put(namespace, name, object);
    // ADDED for an object we hold (a re-watch from "0") is an update; MODIFIED for one we lack is new.
    return { type: previous ? 'MODIFIED' : 'ADDED', scope: this.scope, object };
  }

  /**
   * A fresh list replaces everything: objects gone from it are DELETED, new ones ADDED and
   * ones whose resourceVersion moved MODIFIED, so a relist neither loses nor invents objects.
   */
  replace(items: readonly KubeObject[]): CacheChange[] {
    const changes: CacheChange[] = [];
    const seen = new Map<string, Set<string>>();
    for (const object of items) {
      const namespace = object.metadata.namespace ?? '';
      let names = seen.get(namespace);
      if (!names) seen.set(namespace, (names = new Set()));
      names.add(object.metadata.name);
      const change = this.apply('MODIFIED', object);
      if (change) changes.push(change);
    }
    for (const [namespace, objects] of [...this.namespaces]) {
      for (const [name, object] of [...objects]) {
        if (seen.get(namespace)?.has(name)) continue;
        this.remove(namespace, name);
        changes.push({ type: 'DELETED', scope: this.scope, object });
      }
    }
    return changes;
  }

  /** Forgets (without change events) the objects `keep` rejects: nobody asks for them any more. */
  retain(keep: (object: KubeObject) => boolean): void {
    for (const [namespace, objects] of [...this.namespaces]) {
      for (const [name, object] of [...objects]) if (!keep(object)) this.remove(namespace, name);
    }
  }

  clear(): void {
    this.namespaces.clear();
    this.count = 0;
  }

  private put(namespace: string, name: string, object: KubeObject): void {
    let objects = this.namespaces.get(namespace);
    if (!objects) this.namespaces.set(namespace, (objects = new Map()));
    if (!objects.has(name)) this.count++;
    objects.set(name, object);
  }

  private remove(namespace: string, name: string): void {
    const objects = this.namespaces.get(namespace);
    if (!objects?.delete(name)) return;
    this.count--;
    if (objects.size === 0) this.namespaces.delete(namespace);
  }
}

function sameVersion(a: KubeObject, b: KubeObject): boolean {
  const rv = a.metadata['resourceVersion'];
  return typeof rv === 'string' && rv !== '' && rv === b.metadata['resourceVersion'];
}
