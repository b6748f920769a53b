import { isRecord } from '../../fieldPath';
import type { FieldWrite, Provenance } from '../../provenance';
import { RenderError, type Diagnostic } from '../../result';
import type { Resource } from '../resource';

// A replacement that copies text into a typed node its tag cannot hold (`abc` into
// `replicas: 1`) does not fail in kustomize: the node keeps the text, and kubectl fails when
// it decodes the resource, to print it or to apply a JSON 6902 patch. A later write to the
// field (another replacement, in this layer or an overlay) rescues it (kubectl-verified).

interface Undecodable {
  readonly parent: object;
  readonly key: string | number;
  /** The replacement's write: the node is still undecodable while it is the field's newest. */
  readonly write: FieldWrite;
  readonly diagnostic: Diagnostic;
}

const pending = new WeakMap<Provenance, Undecodable[]>();

export function noteUndecodable(provenance: Provenance, entry: Undecodable): void {
  const list = pending.get(provenance);
  if (list) list.push(entry);
  else pending.set(provenance, [entry]);
}

/** Fails as kubectl would when decoding `resources`: on a field still holding undecodable text. */
export function checkDecodable(provenance: Provenance, resources: readonly Resource[]): void {
  const list = pending.get(provenance);
  if (!list) return;
  const live = list.filter((u) => provenance.of(u.parent, u.key)[0] === u.write);
  pending.set(provenance, live);
  if (live.length === 0) return;
  const reachable = new Set<object>();
  const collect = (value: unknown): void => {
    if (!Array.isArray(value) && !isRecord(value)) return;
    reachable.add(value);
    for (const v of Object.values(value)) collect(v);
  };
  for (const r of resources) collect(r.object);
  const found = live.find((u) => reachable.has(u.parent));
  if (found) throw new RenderError(found.diagnostic);
}
