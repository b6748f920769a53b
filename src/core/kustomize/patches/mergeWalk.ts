import { isRecord } from '../../fieldPath';
import type { FieldWrite, Provenance } from '../../provenance';
import { mergeAssociativeList } from './associativeMerge';
import { chainsOf, rebuildList, type Chain } from './listRecords';
import { MergeError } from './mergeError';
import { mergedScalar, quoteWalkedString, shareNode } from './scalarStyle';
import { elementSchema, fieldSchema, mergeKeys, type SchemaNode } from './mergeSchema';
import { takeListDirective, takeMapDirective } from './smpDirective';
import { propagateWrite, unshare } from '../sharedValues';

// kyaml's merge2 walk (kyaml/yaml/walk, kyaml/yaml/merge2) over plain data: `dest` is the
// target, `origin` the patch. undefined means "absent"; a result of undefined or null
// clears the field. The patch is consumed (directives are removed from it), so callers
// pass a fresh copy each time. When a field is added whole, kyaml walks the patch
// against itself, which is why `dest` and `origin` may be the very same object below.

type Kind = 'map' | 'list' | 'scalar';

function kindOf(value: unknown): Kind | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return 'list';
  return isRecord(value) ? 'map' : 'scalar';
}

const isScalar = (value: unknown): boolean => value !== undefined && value !== null && typeof value !== 'object';

const kindNames: Record<Kind, string> = { map: 'MappingNode', list: 'SequenceNode', scalar: 'ScalarNode' };

export class StrategicMerge {
  constructor(
    private readonly provenance: Provenance,
    /** The patched resource's metadata.annotations, which kustomize prints as text. */
    private readonly topAnnotations?: object,
  ) {}

  /** `identity`: the merge keys when walking a list item; the patch names the item by them rather than writing them. */
  walk(dest: unknown, origin: unknown, schema: SchemaNode, path: readonly string[], identity: readonly string[] = []): unknown {
    const kind = kindOf(dest) ?? kindOf(origin);
    if (kind === undefined) return undefined;
    for (const side of [dest, origin]) {
      const other = kindOf(side);
      if (other !== undefined && other !== kind) {
        throw new MergeError(`wrong node kind: expected ${kindNames[kind]} but got ${kindNames[other]}`, path);
      }
    }
    if (kind === 'map') return this.walkMap(dest, origin, schema, path, identity);
    if (kind === 'list') return this.walkList(dest, origin, schema, path);
    return origin !== undefined ? origin : dest;
  }

  private walkMap(dest: unknown, origin: unknown, schema: SchemaNode, path: readonly string[], identity: readonly string[]): Record<string, unknown> | undefined {
    let target: Record<string, unknown>;
    if (!isRecord(dest)) {
      if (!isRecord(origin) || takeMapDirective(origin, false, path) === 'delete') return undefined;
      target = origin;
    } else if (origin === null) {
      return undefined;
    } else if (!isRecord(origin)) {
      target = dest;
    } else {
      const directive = takeMapDirective(origin, true, path);
      if (directive === 'delete') return undefined;
      target = directive === 'replace' ? origin : dest;
    }
    const patch = isRecord(origin) ? origin : undefined;
    const fields = new Set([...Object.keys(target), ...(patch ? Object.keys(patch) : [])]);
    for (const key of [...fields].sort()) {
      const before = Object.hasOwn(target, key) ? target[key] : undefined;
      const given = patch && Object.hasOwn(patch, key) ? patch[key] : undefined;
      // kyaml keeps a null the target wrote when the patch does not mention the field.
      if (before === null && given === undefined) continue;
      if (given === undefined && typeof before === 'string') quoteWalkedString(this.provenance, target, key, before);
      let value = this.walk(before, given, fieldSchema(schema, key), [...path, key]);
      if (patch && given !== undefined && isScalar(before) && isScalar(value)) value = mergedScalar(this.provenance, target, key, patch, given);
      if (value === undefined || value === null) {
        delete target[key];
        unshare(target, key);
        continue;
      }
      target[key] = value;
      // kyaml copies a patched scalar into the existing node: fields sharing it change too.
      if (before !== undefined && before !== value && typeof value !== 'object') propagateWrite((p, f, w) => (this.provenance.record(p, f, w), shareNode([target, key], [p, f], w, this.topAnnotations)), target, key, before, patch ? this.provenance.of(patch, key)[0] : undefined);
      // A write of the patch where its value lands: a scalar, an added or replaced subtree.
      const written = patch !== undefined && patch !== target && given !== undefined && !(identity.includes(key) && value === before);
      if (written && (before === undefined || before === null || typeof value !== 'object' || value === given)) {
        this.recordFrom(target, key, patch, key);
      }
    }
    return target;
  }

  private walkList(dest: unknown, origin: unknown, schema: SchemaNode, path: readonly string[]): unknown {
    const keys = mergeKeys(schema);
    if (keys === undefined) return origin !== undefined ? origin : dest;
    let target: unknown[];
    if (!Array.isArray(dest)) {
      target = origin as unknown[];
    } else if (origin === null) {
      return undefined;
    } else if (!Array.isArray(origin)) {
      target = dest;
    } else {
      const directive = takeListDirective(origin, path);
      if (directive === 'delete') return undefined;
      target = directive === 'replace' ? origin : dest;
    }
    const patch = Array.isArray(origin) ? origin : undefined;
    const chains = this.itemChains(target, patch);
    const elements = elementSchema(schema);
    const merged = mergeAssociativeList(target, patch, keys, (d, o) => this.walk(d, o, elements, path, keys));
    return rebuildList(this.provenance, merged, merged.map((item) => chains(item)));
  }

  /** Where each item was written, looked up by identity (objects) or by value (scalars). */
  private itemChains(target: unknown[], patch: unknown[] | undefined): (item: unknown) => Chain {
    const byObject = new Map<unknown, Chain>();
    const byValue = new Map<string, Chain>();
    const scalarKey = (v: unknown): string => `${typeof v}:${String(v)}`;
    const note = (list: unknown[], fromPatch: boolean): void => {
      chainsOf(this.provenance, list).forEach((chain, i) => {
        const item = list[i];
        if (item !== null && typeof item === 'object') {
          if (!byObject.has(item)) byObject.set(item, chain);
          return;
        }
        const key = scalarKey(item);
        const earlier = byValue.get(key);
        // A scalar both sides list keeps its history, with the patch's write on top.
        byValue.set(key, earlier && fromPatch && list !== target ? [...chain.slice(0, 1), ...earlier] : (earlier ?? chain));
      });
    };
    note(target, false);
    if (patch) note(patch, true);
    return (item) => (item !== null && typeof item === 'object' ? byObject.get(item) : byValue.get(scalarKey(item))) ?? [];
  }

  private recordFrom(target: object, key: string, patch: object, patchKey: string): void {
    const write: FieldWrite | undefined = this.provenance.of(patch, patchKey)[0];
    if (write) this.provenance.record(target, key, write);
  }
}
