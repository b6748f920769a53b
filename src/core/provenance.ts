// Field-level provenance: for every field of a rendered object, the chain of
// source lines that wrote it, newest (effective) first. Writes are keyed by the
// containing object and the key, so values keep their history when lists are
// reordered or objects move between parents.

export interface SourceLocation {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

/** One write that shaped a value: where it came from and which kustomize operation made it. */
export interface FieldWrite extends SourceLocation {
  /** e.g. `resource`, `images`, `replicas`, `namespace`. */
  readonly operation: string;
  /** The value was a quoted or block scalar: kyaml keeps that style for values later patched in (kustomize/patches/scalarStyle.ts). */
  readonly quoted?: true;
  /** A plain scalar read as a number, boolean or timestamp: its text, which such a patched-in value keeps. */
  readonly plainText?: string;
  /** The key was written unquoted and reads as no string (`9000:`), which kubectl cannot print (validation/printableKeys.ts). */
  readonly nonStringKey?: NonStringKey;
}

/** A mapping key that YAML reads as another type than string, and how it was written. */
export interface NonStringKey {
  readonly type: 'boolean' | 'integer' | 'decimal number' | 'timestamp' | 'null';
  readonly text: string;
}

export type PathSegment = string | number;

export class Provenance {
  private readonly writes = new WeakMap<object, Map<PathSegment, FieldWrite[]>>();
  /** Whether any write recorded or imported here has a `nonStringKey`: only then must a render look for them. */
  hasNonStringKeys = false;

  /** Records `write` as the newest write of `parent[key]`. */
  record(parent: object, key: PathSegment, write: FieldWrite): void {
    let byKey = this.writes.get(parent);
    if (!byKey) {
      byKey = new Map();
      this.writes.set(parent, byKey);
    }
    if (write.nonStringKey) this.hasNonStringKeys = true;
    const chain = byKey.get(key);
    if (chain) chain.unshift(write);
    else byKey.set(key, [write]);
  }

  /** Drops every write of `parent[key]` (a key the parse saw twice, the first one ignored). */
  forget(parent: object, key: PathSegment): void {
    this.writes.get(parent)?.delete(key);
  }

  /** The writes of `parent[key]`, effective first; empty when nothing was recorded. */
  of(parent: object, key: PathSegment): readonly FieldWrite[] {
    return this.writes.get(parent)?.get(key) ?? [];
  }

  /** A deep copy of `value` whose fields keep their write history. */
  cloneTracked<T>(value: T): T {
    if (Array.isArray(value)) {
      const copy = value.map((item) => this.cloneTracked(item) as unknown);
      this.copyWrites(value, copy);
      return copy as T;
    }
    if (value !== null && typeof value === 'object') {
      const copy: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) copy[k] = this.cloneTracked(v);
      this.copyWrites(value, copy);
      return copy as T;
    }
    return value;
  }

  /**
   * A deep copy of `value` whose fields carry the writes they have in `source`, recorded
   * here: how a render takes a cached parse without touching the cached original.
   */
  importTracked<T>(source: Provenance, value: T): T {
    if (source.hasNonStringKeys) this.hasNonStringKeys = true;
    if (Array.isArray(value)) {
      const copy = value.map((item) => this.importTracked(source, item) as unknown);
      this.importWrites(source, value, copy);
      return copy as T;
    }
    if (value !== null && typeof value === 'object') {
      const copy: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) copy[k] = this.importTracked(source, v);
      this.importWrites(source, value, copy);
      return copy as T;
    }
    return value;
  }

  private importWrites(source: Provenance, from: object, to: object): void {
    const byKey = source.writes.get(from);
    if (byKey) this.writes.set(to, new Map([...byKey].map(([k, chain]) => [k, [...chain]])));
  }

  private copyWrites(from: object, to: object): void {
    const byKey = this.writes.get(from);
    if (byKey) this.writes.set(to, new Map([...byKey].map(([k, chain]) => [k, [...chain]])));
  }

  /**
   * The writes that shaped the value at `path` under `root`. A value that has no
   * writes of its own (say a container added whole by a patch) inherits those of
   * its nearest recorded ancestor.
   */
  at(root: unknown, path: readonly PathSegment[]): readonly FieldWrite[] {
    let found: readonly FieldWrite[] = [];
    let node: unknown = root;
    for (const key of path) {
      if (node === null || typeof node !== 'object') break;
      const own = this.of(node, key);
      if (own.length > 0) found = own;
      node = (node as Record<PathSegment, unknown>)[key];
    }
    return found;
  }
}
