import { isRecord } from '../../fieldPath';
import type { FieldWrite, Provenance } from '../../provenance';
import { RenderError, diagnostic } from '../../result';
import type { Resource } from '../resource';

// A strategic merge patch with a key written twice: kyaml keeps both fields in the patch's
// node. Merged into a field the resource has, only the first is read (the patch is parsed
// first-wins). Added whole where the resource has no such field, the node lands in the
// output with both keys, and kubectl fails to decode it when printing or before a JSON 6902
// patch ("mapping key already defined"), kubectl-verified. So a patch mapping holding a
// duplicate is marked, the mark follows its copies, and a marked mapping in the output fails.

interface DuplicateKey {
  readonly key: string;
  /** The key written again, where the error points. */
  readonly again: FieldWrite;
  readonly first: FieldWrite;
}

const marks = new WeakMap<object, DuplicateKey>();
/** Renders whose provenance received a marked mapping: only they walk their output. */
const marked = new WeakSet<Provenance>();

export function markDuplicateKey(map: object, mark: DuplicateKey): void {
  if (!marks.has(map)) marks.set(map, mark);
}

/** Carries `from`'s mark to its copy `to`, its positions moved by `relocate`. */
export function copyDuplicateMark(from: object, to: object, provenance: Provenance, relocate: (w: FieldWrite) => FieldWrite): void {
  const mark = marks.get(from);
  if (!mark) return;
  marks.set(to, { key: mark.key, again: relocate(mark.again), first: relocate(mark.first) });
  marked.add(provenance);
}

/** Fails as kubectl would decoding `resources` if one holds a mapping with a key written twice. */
export function checkNoDuplicateKeys(provenance: Provenance, resources: readonly Resource[]): void {
  if (!marked.has(provenance)) return;
  const find = (value: unknown): DuplicateKey | undefined => {
    if (!Array.isArray(value) && !isRecord(value)) return undefined;
    const mark = marks.get(value);
    if (mark) return mark;
    for (const v of Object.values(value)) {
      const found = find(v);
      if (found) return found;
    }
    return undefined;
  };
  for (const r of resources) {
    const found = find(r.object);
    if (found) {
      const { key, again, first } = found;
      throw new RenderError(diagnostic(again.file, `mapping key "${key}" already defined at line ${first.line}: the patch adds this mapping with both keys, which kubectl cannot print; write the key once`, again));
    }
  }
}
