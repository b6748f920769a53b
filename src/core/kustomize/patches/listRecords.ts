import type { FieldWrite, Provenance } from '../../provenance';

// Provenance keys list items by index, so a list whose items move is rebuilt as a
// new array carrying each item's own writes to its new position.

export type Chain = readonly FieldWrite[];

export function recordChain(provenance: Provenance, parent: object, key: string | number, chain: Chain): void {
  for (const write of [...chain].reverse()) provenance.record(parent, key, write);
}

/** A fresh array of `items`, item i recorded with `chains[i]`. */
export function rebuildList(provenance: Provenance, items: readonly unknown[], chains: readonly Chain[]): unknown[] {
  const list = [...items];
  chains.forEach((chain, i) => recordChain(provenance, list, i, chain));
  return list;
}

/** Each item's writes, by index. */
export function chainsOf(provenance: Provenance, list: readonly unknown[]): Chain[] {
  return list.map((_, i) => provenance.of(list, i));
}
