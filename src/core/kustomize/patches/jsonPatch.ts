import { isRecord } from '../../fieldPath';
import type { FieldWrite, Provenance } from '../../provenance';
import { chainsOf, rebuildList, type Chain } from './listRecords';
import { arrayIndex, findParent, parsePointer, type Container, type PointerTarget } from './jsonPointer';
import { trackedClone } from './trackedClone';

// JSON 6902 as evanphx/json-patch v4 applies it for kustomize: add, remove, replace,
// move, copy, test; the first failing operation aborts. Values keep the positions
// they were written at in the patch; each written field records the operation.

export class JsonPatchError extends Error {
  constructor(
    message: string,
    /** The operation and its field to point at. */
    readonly operation: unknown,
    readonly field: string,
  ) {
    super(message);
  }
}

export function applyJsonPatch(provenance: Provenance, root: Record<string, unknown>, operations: readonly unknown[]): void {
  for (const op of operations) new Operation(provenance, root, op).apply();
}

class Operation {
  private readonly op: Record<string, unknown>;

  constructor(
    private readonly provenance: Provenance,
    private readonly root: Record<string, unknown>,
    raw: unknown,
  ) {
    this.op = isRecord(raw) ? raw : {};
  }

  apply(): void {
    const kind = this.op['op'];
    switch (kind) {
      case 'add':
        return this.add(this.target('path', 'add'), this.value());
      case 'remove':
        return void this.remove(this.target('path', 'remove'), 'remove');
      case 'replace':
        return this.replace();
      case 'move': {
        const moved = this.remove(this.target('from', 'move'), 'move');
        return this.add(this.target('path', 'move'), moved);
      }
      case 'copy': {
        // v4's object lookup yields nil for a missing key: copying it writes null (kubectl-verified).
        const from = this.target('from', 'copy');
        const copied = Array.isArray(from.container) ? this.get(from, 'copy') : (from.container[from.key] ?? null);
        return this.add(this.target('path', 'copy'), trackedClone(copied, this.provenance, this.provenance));
      }
      case 'test':
        return this.test();
      default:
        throw new JsonPatchError(`Unexpected kind: ${typeof kind === 'string' ? kind : 'unknown'}`, this.op, 'op');
    }
  }

  private value(): unknown {
    return trackedClone(this.op['value'] ?? null, this.provenance, this.provenance);
  }

  /** Where the written value is declared in the patch. */
  private get write(): FieldWrite | undefined {
    return this.provenance.of(this.op, 'value')[0] ?? this.provenance.of(this.op, 'path')[0];
  }

  private pointer(field: string): string {
    const pointer = this.op[field];
    if (typeof pointer !== 'string') throw new JsonPatchError(`operation missing ${field} field`, this.op, field === 'path' ? 'op' : field);
    return pointer;
  }

  private target(field: string, kind: string): PointerTarget {
    const pointer = this.pointer(field);
    const tokens = parsePointer(pointer);
    const found = tokens && tokens.length > 0 ? findParent(this.root, tokens) : undefined;
    if (!found) throw new JsonPatchError(`${kind} operation does not apply: doc is missing path: ${pointer}`, this.op, field);
    return found;
  }

  private fail(message: string, field = 'path'): never {
    throw new JsonPatchError(message, this.op, field);
  }

  private add(at: PointerTarget, value: unknown): void {
    const { container, key } = at;
    if (!Array.isArray(container)) {
      container[key] = value;
      this.record(container, key);
      return;
    }
    const size = container.length + 1;
    let index = key === '-' ? container.length : /^[+-]?\d+$/.test(key) ? Number(key) : NaN;
    if (Number.isNaN(index)) this.fail(`value was not a proper array index: '${key}'`);
    if (index < 0 && index >= -size) index += size;
    if (index < 0 || index >= size) this.fail(`error in add for path: '${this.op['path']}': Unable to access invalid index: ${key}`);
    const chains: Chain[] = chainsOf(this.provenance, container);
    const write = this.write;
    chains.splice(index, 0, write ? [write] : []);
    this.swap(at, [...container.slice(0, index), value, ...container.slice(index)], chains);
  }

  private get(at: PointerTarget, kind: string): unknown {
    const { container, key } = at;
    const index = Array.isArray(container) ? arrayIndex(key, container.length) : Object.hasOwn(container, key) ? key : undefined;
    if (index === undefined) this.fail(`${kind} operation does not apply: doc is missing key: ${this.pointer(kind === 'copy' ? 'from' : 'path')}`);
    return Array.isArray(container) ? container[index as number] : container[index as string];
  }

  private remove(at: PointerTarget, kind: string): unknown {
    const field = kind === 'move' ? 'from' : 'path';
    const { container, key } = at;
    if (!Array.isArray(container)) {
      if (!Object.hasOwn(container, key)) this.fail(`error in ${kind} for path: '${this.pointer(field)}': Unable to remove nonexistent key: ${key}`, field);
      const value = container[key];
      delete container[key];
      return value;
    }
    const index = arrayIndex(key, container.length);
    if (index === undefined) this.fail(`error in ${kind} for path: '${this.pointer(field)}': Unable to access invalid index: ${key}`, field);
    const value = container[index];
    const chains = chainsOf(this.provenance, container);
    chains.splice(index, 1);
    this.swap(at, container.filter((_, i) => i !== index), chains);
    return value;
  }

  private replace(): void {
    const at = this.target('path', 'replace');
    // Only a list index must exist: v4 replaces a missing object key as if adding it (kubectl-verified).
    if (Array.isArray(at.container)) this.get(at, 'replace');
    const { container, key } = at;
    const value = this.value();
    if (Array.isArray(container)) {
      const index = arrayIndex(key, container.length) ?? 0;
      container[index] = value;
      this.record(container, index);
    } else {
      container[key] = value;
      this.record(container, key);
    }
  }

  private test(): void {
    const at = this.target('path', 'test');
    const { container, key } = at;
    const present = Array.isArray(container) ? arrayIndex(key, container.length) !== undefined : Object.hasOwn(container, key);
    const actual = present ? (Array.isArray(container) ? container[arrayIndex(key, container.length) ?? 0] : container[key]) : undefined;
    const expected = this.op['value'] ?? null;
    const equal = actual === undefined ? expected === null : deepEqual(actual, expected);
    if (!equal) this.fail(`testing value ${this.pointer('path')} failed: test failed`);
  }

  /** Arrays change length: rebuild them so each item keeps its writes at its new index. */
  private swap(at: PointerTarget, items: unknown[], chains: Chain[]): void {
    const rebuilt = rebuildList(this.provenance, items, chains);
    if (!at.holder) this.fail('cannot replace the document root');
    const { parent, key } = at.holder;
    if (Array.isArray(parent)) parent[key as number] = rebuilt;
    else parent[key as string] = rebuilt;
  }

  private record(container: Container, key: string | number): void {
    const write = this.write;
    if (write) this.provenance.record(container, key, write);
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}
