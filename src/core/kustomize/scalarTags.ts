import type { FieldWrite, Provenance } from '../provenance';

// The engine holds plain data: a field's value says what kustomize prints, not always
// which tag kyaml's node carries, and replacements copy only the text into a node, keeping
// its tag. Two kinds of nodes need their tag remembered:
//
// - untagged (''): a field a replacement's `create` made, and a value set through
//   yaml.NewScalarRNode (filtersutil.SetScalar: namePrefix/nameSuffix and images;
//   Resource.ApplySmPatch putting back kind, name and namespace). It resolves its text as
//   plain YAML when printed, so `2024-01-02` or `5` copied into one prints as a timestamp
//   or a number, where a !!str node keeps the text (kubectl-verified). Its style stays, so
//   a quoted name is never marked.
// - a typed node in a quoted style ('!!int', '!!float', '!!bool', '!!timestamp'): what a patch writing
//   plain `0` over a quoted field leaves. kustomize prints a resource by encoding it with
//   yaml.v3 and decoding the text (RNode.MarshalJSON): such a node encodes as `"0"` and
//   reads back as text, but text its tag cannot hold encodes as `!!int "off"`, which fails
//   to decode (kubectl-verified).
//
// - a typed node in plain style that a replacement set: it keeps its tag for the next
//   replacement, though the value no longer says it (a date printed as RFC 3339 text), and
//   may hold text the tag cannot hold (`abc` copied into `replicas: 1`), which fails kubectl
//   when printed unless a later write replaces it first (replacements/undecodable.ts).
//
// - '!!str': a string node whose text a parser would read otherwise (a top-level annotation
//   kustomize rebuilt, see patches/rebuiltAnnotations.ts).
//
// A mark holds while the field's newest write is the one it was made under: any other
// write (a patch, a label) replaces the node.

export type HiddenTag = '' | '!!str' | '!!int' | '!!float' | '!!bool' | '!!timestamp';

const marks = new WeakMap<object, Map<string | number, { tag: HiddenTag; write: FieldWrite | undefined; text?: string; plain?: true }>>();

/**
 * Remembers `tag` for `parent[key]`, valid while `write` (by default its newest write now)
 * stays its newest; `text`, what the node holds where it prints otherwise (`1.0` as 1).
 */
export function markTag(provenance: Provenance, parent: object, key: string | number, tag: HiddenTag, write = provenance.of(parent, key)[0], text?: string): void {
  let byKey = marks.get(parent);
  if (!byKey) marks.set(parent, (byKey = new Map()));
  byKey.set(key, text === undefined ? { tag, write } : { tag, write, text });
}

/** The text a marked node holds, when it was remembered. */
export function markedText(provenance: Provenance, parent: object, key: string | number): string | undefined {
  const mark = marks.get(parent)?.get(key);
  return mark !== undefined && mark.write === provenance.of(parent, key)[0] ? mark.text : undefined;
}

export function hiddenTag(provenance: Provenance, parent: object, key: string | number): HiddenTag | undefined {
  const mark = marks.get(parent)?.get(key);
  return mark !== undefined && mark.write === provenance.of(parent, key)[0] ? mark.tag : undefined;
}

/** Remembers that `parent[key]` is a plain node typed `tag` holding `text`, whatever its value now says. */
export function markPlainTyped(provenance: Provenance, parent: object, key: string | number, tag: HiddenTag, text: string | undefined): void {
  let byKey = marks.get(parent);
  if (!byKey) marks.set(parent, (byKey = new Map()));
  const write = provenance.of(parent, key)[0];
  byKey.set(key, text === undefined ? { tag, write, plain: true } : { tag, write, text, plain: true });
}

/** Whether the node's remembered tag is that of a plain node (markPlainTyped), not of a quoted one. */
export function isPlainTagged(provenance: Provenance, parent: object, key: string | number): boolean {
  const mark = marks.get(parent)?.get(key);
  return mark !== undefined && mark.plain === true && mark.write === provenance.of(parent, key)[0];
}

export function markUntagged(provenance: Provenance, parent: object, key: string | number): void {
  markTag(provenance, parent, key, '');
}

export function isUntagged(provenance: Provenance, parent: object, key: string | number): boolean {
  return hiddenTag(provenance, parent, key) === '';
}

/** A JSON round trip rebuilds every node of `parent` with the tag its value implies. */
export function forgetTags(parent: object): void {
  marks.delete(parent);
}
