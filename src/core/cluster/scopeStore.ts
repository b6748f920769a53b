import type { KubeObject } from '../ports';
import type { CacheChange, ChangeType, Scope } from './connectionState';

/** The objects of one scope by namespace/name, and the changes that each update makes. */
export class ScopeStore {
  private readonly objects = new Map<string, KubeObject>();

  constructor(private readonly scope: Scope) {}

  get size(): number {
    return this.objects.size;
  }

  get(namespace: string | undefined, name: string): KubeObject | undefined {
    return this.objects.get(keyOf(namespace, name));
  }

  values(): IterableIterator<KubeObject> {
    return this.objects.values();
  }

  /** One watch event; undefined when it changes nothing (a replayed or duplicate event). */
  apply(type: ChangeType, object: KubeObject): CacheChange | undefined {
    const key = keyOf(object.metadata.namespace, object.metadata.name);
    const previous = this.objects.get(key);
    if (type === 'DELETED') {
      if (!previous) return undefined;
      this.objects.delete(key);
      return { type, scope: this.scope, object: previous };
    }
    if (previous && sameVersion(previous, object)) return undefined;
    this.objects.set(key, object);
    // ADDED for an object we hold (a re-watch from "0") is an update; MODIFIED for one we lack is new.
    return { type: previous ? 'MODIFIED' : 'ADDED', scope: this.scope, object };
  }

  /**
   * A fresh list replaces everything: objects gone from it are DELETED, new ones ADDED and
   * ones whose resourceVersion moved MODIFIED, so a relist neither loses nor invents objects.
   */
  replace(items: readonly KubeObject[]): CacheChange[] {
    const changes: CacheChange[] = [];
    const seen = new Set<string>();
    for (const object of items) {
      const key = keyOf(object.metadata.namespace, object.metadata.name);
      seen.add(key);
      const change = this.apply('MODIFIED', object);
      if (change) changes.push(change);
    }
    for (const [key, object] of this.objects) {
      if (seen.has(key)) continue;
      this.objects.delete(key);
      changes.push({ type: 'DELETED', scope: this.scope, object });
    }
    return changes;
  }

  clear(): void {
    this.objects.clear();
  }
}

function keyOf(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

function sameVersion(a: KubeObject, b: KubeObject): boolean {
  const rv = a.metadata['resourceVersion'];
  return typeof rv === 'string' && rv !== '' && rv === b.metadata['resourceVersion'];
}
