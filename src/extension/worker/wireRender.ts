// A RenderResult across a thread boundary. Resources are plain data and survive structured
// cloning, but Provenance keys its writes by object identity (a WeakMap), which cloning loses:
// it travels as a list of (resource, path to an object, key, writes) and is recorded again
// on the receiving side's copies of the same objects.
import type { RenderResult } from '../../core/kustomize/render';
import type { Resource } from '../../core/kustomize/resource';
import type { FieldWrite, PathSegment } from '../../core/provenance';
import { LazyProvenance } from '../../core/repo/render/lazyProvenance';
import type { Diagnostic } from '../../core/result';

/** Writes of every key of one object, found at `path` inside resource `resource`'s object. */
type WireWrites = readonly [resource: number, path: readonly PathSegment[], keys: ReadonlyArray<readonly [PathSegment, readonly FieldWrite[]]>];

export interface WireRenderResult {
  readonly resources: readonly Resource[];
  /** JSON of WireWrites[]: a string crosses the boundary as one copy, and is parsed only when asked. */
  readonly provenance: string;
  readonly warnings: readonly Diagnostic[];
}

export function toWire(result: RenderResult): WireRenderResult {
  const provenance: WireWrites[] = [];
  const walk = (resource: number, node: unknown, path: PathSegment[]): void => {
    if (node === null || typeof node !== 'object') return;
    const entries: Array<[PathSegment, unknown]> = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    const keys: Array<readonly [PathSegment, readonly FieldWrite[]]> = [];
    for (const [key, value] of entries) {
      const writes = result.provenance.of(node, key);
      if (writes.length > 0) keys.push([key, writes]);
      walk(resource, value, [...path, key]);
    }
    if (keys.length > 0) provenance.push([resource, path, keys]);
  };
  result.resources.forEach((r, i) => walk(i, r.object, []));
  return { resources: result.resources, provenance: JSON.stringify(provenance), warnings: result.warnings };
}

export function fromWire(wire: WireRenderResult): RenderResult {
  const provenance = new LazyProvenance((into) => {
    for (const [resource, path, keys] of JSON.parse(wire.provenance) as WireWrites[]) {
      let node: unknown = wire.resources[resource]?.object;
      for (const segment of path) node = (node as Record<PathSegment, unknown> | undefined)?.[segment];
      if (node === null || typeof node !== 'object') continue;
      // record() puts each write first: replaying oldest to newest rebuilds the chain as it was.
      for (const [key, writes] of keys) for (let i = writes.length - 1; i >= 0; i--) into.record(node, key, writes[i]!);
    }
  });
  return { resources: wire.resources, provenance, warnings: wire.warnings };
}
