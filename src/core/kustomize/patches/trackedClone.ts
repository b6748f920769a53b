import { isRecord } from '../../fieldPath';
import type { FieldWrite, Provenance } from '../../provenance';
import { recordChain } from './listRecords';
import { copyDuplicateMark } from './duplicateKeyMarks';

export type Relocate = (write: FieldWrite) => FieldWrite;

const same: Relocate = (w) => w;

/**
 * A deep copy of `value` whose keys and items carry the writes the original's had in
 * `from`, recorded in `to` (moved by `relocate`). Patches are copied once per target,
 * since merging consumes them and a target must not share objects with another.
 */
export function trackedClone<T>(value: T, from: Provenance, to: Provenance, relocate: Relocate = same): T {
  if (Array.isArray(value)) {
    const copy = value.map((item) => trackedClone(item, from, to, relocate));
    copy.forEach((_, i) => recordChain(to, copy, i, from.of(value, i).map(relocate)));
    return copy as T;
  }
  if (isRecord(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] = trackedClone(item, from, to, relocate);
      recordChain(to, copy, key, from.of(value, key).map(relocate));
    }
    copyDuplicateMark(value, copy, to, relocate);
    return copy as T;
  }
  return value;
}
