import { isRecord } from '../../fieldPath';
import type { FieldWrite, Provenance } from '../../provenance';
import { writesPlain } from '../../yaml/scalarWriter';
import { isYaml11NonString } from '../../yaml/yaml11NonString';
import { plainScalarValue } from '../../yaml/plainScalarValue';
import { resolvePlain } from '../replacements/applyValue';
import { sharingFields } from '../sharedValues';
import { forgetTags, hiddenTag, isUntagged, markTag, markedText, type HiddenTag } from '../scalarTags';
import { goyamlV3NumberTag } from '../../yaml/goyamlV3Number';
import { goTimestampText } from '../../yaml/goTimestamp';

// kyaml's nodes keep the style a scalar was written in, and its FieldSetter gives a value
// set over an existing field that field's style (kyaml/yaml/fns.go). So a strategic merge
// patch writing plain `5` or `2024-01-01` over `"8080"` leaves a double-quoted node,
// which reads back as the string "5" or "2024-01-01", not a number or a timestamp
// (kubectl-verified). Over a plain field the patch value keeps its own meaning.
//
// The engine holds plain data, so a field's style comes from the writes that shaped it
// (provenance: the parser marks quoted scalars) and, once a merge or a JSON round trip
// has decided it, from the table below.

const decided = new WeakMap<object, Map<string, boolean>>();
/** Fields a JSON round trip rebuilt, with their newest write then. */
const jsonRebuilt = new WeakMap<object, Map<string, FieldWrite | undefined>>();

function decide(parent: object, key: string, quoted: boolean): void {
  let byKey = decided.get(parent);
  if (!byKey) decided.set(parent, (byKey = new Map()));
  byKey.set(key, quoted);
}

// Transformers that set a new field through filtersutil.SetEntry or a generator's data
// map: kyaml double-quotes (or, for multi-line text, writes as a block) what would read
// as no string. Over an existing field they, too, keep that field's style.
const settingOperations = new Set(['labels', 'commonLabels', 'commonAnnotations', 'generator']);
// The parsers: the write says how the scalar was written. kustomize loads a patch with a
// plain string that YAML 1.1 would read as no string (`yes`, `off`) double-quoted
// (kubectl-verified); a resource keeps it plain.
const parsingOperations = new Set(['resource', 'patch']);

/** Whether kyaml's node for `parent[key]` (holding `value`) has a quoted or block style. */
export function isQuotedField(provenance: Provenance, parent: object, key: string, value: unknown): boolean {
  const known = decided.get(parent)?.get(key);
  if (known !== undefined) return known;
  const chain = provenance.of(parent, key);
  for (const [i, write] of chain.entries()) {
    // Only a parser's write tells the style: a transformer's write copies its kustomization entry's position.
    if (write.operation === 'patch' && write.quoted !== true && write.plainText === undefined) {
      // yaml.v3 reads `1_000` as a number, which no quoting touches.
      return typeof value === 'string' && typeof resolvePlain(value) === 'string' && isYaml11NonString(value);
    }
    if (parsingOperations.has(write.operation)) return write.quoted === true;
    const created = i === chain.length - 1;
    if (created && settingOperations.has(write.operation)) return typeof value === 'string' && (value.includes('\n') || isYaml11NonString(value));
  }
  return false;
}

/** A new !!str node set through kyaml's FieldSetter: double-quoted (or a block) when YAML 1.1 would read it as no string. */
export function restyleSetString(parent: object, key: string, value: string): void {
  decide(parent, key, value.includes('\n') || isYaml11NonString(value));
}

/**
 * Whether `parent[key]` holds the text of a null a parser read plain: an annotation keeps
 * `~` or `null` as its text (kustomize reads annotations as strings), but kyaml's node is
 * still !!null, so a replacement finds no value there (kubectl-verified).
 */
export function isParsedPlainNull(provenance: Provenance, parent: object, key: string, value: unknown): boolean {
  if (typeof value !== 'string' || !/^(null|Null|NULL|~|)$/.test(value)) return false;
  const write = provenance.of(parent, key)[0];
  return write !== undefined && parsingOperations.has(write.operation) && write.quoted !== true && jsonRebuilt.get(parent)?.get(key) !== write && hiddenTag(provenance, parent, key) !== '!!str';
}

/**
 * kyaml's FieldSetter gives every plain string node it sets that YAML 1.1 would read as
 * no string (`yes`, or the `5` a patch wrote over plain text) the double-quoted style, then
 * an existing field's own style. A merge walk sets each field the patch leaves alone to
 * itself, so such a field comes out quoted, and a later patch writing plain `5` over it
 * keeps the text "5" (kubectl-verified). Timestamps and untagged nodes hold no string.
 */
export function quoteWalkedString(provenance: Provenance, parent: Record<string, unknown>, key: string, value: string): void {
  if (decided.get(parent)?.get(key) === true || !isYaml11NonString(value) || isUntagged(provenance, parent, key)) return;
  const write = provenance.of(parent, key)[0];
  const parsedPlain = write !== undefined && parsingOperations.has(write.operation) && write.quoted !== true && jsonRebuilt.get(parent)?.get(key) !== write && hiddenTag(provenance, parent, key) !== '!!str';
  // A scalar parsed plain has the tag yaml.v3 resolves its text to (annotations keep `1_000` as text).
  if (parsedPlain && (write.plainText !== undefined || resolvePlain(value) !== value)) return;
  decide(parent, key, true);
  // The style is the node's: fields sharing it (sharedValues.ts) are quoted too.
  for (const [other, otherKey] of sharingFields(parent, key)) decide(other, otherKey, true);
}

/**
 * The value kyaml's merge leaves where the patch's scalar `given` (at `patch[key]`) is
 * set over the existing scalar of `target[key]`: a quoted field turns what the patch
 * wrote plain into its text.
 */
export function mergedScalar(provenance: Provenance, target: Record<string, unknown>, key: string, patch: object, given: unknown): unknown {
  const quoted = isQuotedField(provenance, target, key, target[key]);
  decide(target, key, quoted);
  if (!quoted || given === null || typeof given === 'object') return given;
  const write: FieldWrite | undefined = provenance.of(patch, key)[0];
  const text = write?.operation === 'patch' ? write.plainText : undefined;
  const shown = text ?? (typeof given === 'string' ? given : String(given));
  // The node keeps the patch's tag (the merge records the patch's write next).
  const tag = typedTag(given, shown, text !== undefined);
  if (tag !== undefined) markTag(provenance, target, key, tag, write);
  return shown;
}

function typedTag(given: unknown, text: string, plainTimestamp: boolean): HiddenTag | undefined {
  if (typeof given === 'boolean') return '!!bool';
  if (typeof given === 'number') return goyamlV3NumberTag(text) ?? (Number.isInteger(given) ? '!!int' : '!!float');
  return typeof given === 'string' && plainTimestamp ? '!!timestamp' : undefined;
}

/** The text kyaml's node for `parent[key]` holds: what a parser read plain as a number, boolean or timestamp keeps its source text. */
export function nodeText(provenance: Provenance, parent: object, key: string, value: unknown): string | undefined {
  const plain = parsedPlainText(provenance, parent, key) ?? markedText(provenance, parent, key);
  if (plain !== undefined) return plain;
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** Whether `parent[key]` is still the !!timestamp node a parser read from a plain date or time. */
export function isPlainTimestamp(provenance: Provenance, parent: object, key: string, value: string): boolean {
  const write = provenance.of(parent, key)[0];
  if (!write || !parsingOperations.has(write.operation) || jsonRebuilt.get(parent)?.get(key) === write) return false;
  if (isQuotedField(provenance, parent, key, value)) return false;
  return write.plainText !== undefined || goTimestampText(value) !== undefined;
}

/** The source text of a number, boolean or timestamp a parser read plain, while the node is still the parser's. */
export function parsedPlainText(provenance: Provenance, parent: object, key: string): string | undefined {
  const write = provenance.of(parent, key)[0];
  // Since a JSON round trip (and until the next write) the node holds the JSON value's text.
  const rebuilt = write !== undefined && jsonRebuilt.get(parent)?.get(key) === write;
  return write && !rebuilt && parsingOperations.has(write.operation) ? write.plainText : undefined;
}

type Slot = readonly [parent: Record<string, unknown>, key: string];

/**
 * `to` holds the very node the merge just set at `from` (see sharedValues.ts), and was
 * given its value. kustomize prints top-level annotations as the node's text, so there the
 * value is the text the patch wrote, and a node a patch set among them reads elsewhere as
 * that text does (unless quoted): `2024-01-01` is a timestamp in a pod template.
 */
export function shareNode(from: Slot, to: readonly [parent: object, key: string], write: FieldWrite | undefined, topAnnotations: object | undefined): void {
  const [fromParent, fromKey] = from;
  const [toParent, toKey] = to;
  const quoted = decided.get(fromParent)?.get(fromKey);
  if (quoted !== undefined) decide(toParent, toKey, quoted);
  if (topAnnotations === undefined || (toParent !== topAnnotations && fromParent !== topAnnotations)) return;
  const value = fromParent[fromKey];
  const text = write?.operation === 'patch' && write.plainText !== undefined ? write.plainText : typeof value === 'string' ? value : String(value);
  const shown = toParent === topAnnotations || quoted === true || write?.quoted === true ? text : plainScalarValue(text);
  (toParent as Record<string, unknown>)[toKey] = shown;
}

/**
 * kustomize applies a JSON 6902 patch to the object as JSON and reads the result back:
 * every string then has the style yaml.v3 marshals it in, quoted exactly when it could
 * not be written plain.
 */
export function restyleFromJson(provenance: Provenance, value: unknown): void {
  if (value !== null && typeof value === 'object') forgetTags(value);
  if (Array.isArray(value)) {
    for (const item of value) restyleFromJson(provenance, item);
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string') decide(value, key, !writesPlain(item));
    else if (item !== null && typeof item === 'object') restyleFromJson(provenance, item);
    else decide(value, key, false);
    let byKey = jsonRebuilt.get(value);
    if (!byKey) jsonRebuilt.set(value, (byKey = new Map()));
    byKey.set(key, provenance.of(value, key)[0]);
  }
}

/**
 * kustomize reads metadata.annotations as text only when printing, and until a JSON round
 * trip a plain value's node holds the text as written. The round trip gives it the JSON
 * value's text: `1_000` becomes "1000", `1.50` "1.5", `2024-01-01` its RFC 3339 time
 * (kubectl-verified). Call before the round trip restyles the object.
 */
export function annotationsThroughJson(provenance: Provenance, object: Record<string, unknown>): void {
  const metadata = object['metadata'];
  const annotations = isRecord(metadata) ? metadata['annotations'] : undefined;
  if (!isRecord(annotations)) return;
  for (const [key, value] of Object.entries(annotations)) {
    if (typeof value !== 'string' || isQuotedField(provenance, annotations, key, value)) continue;
    const write = provenance.of(annotations, key)[0];
    if (!write || !parsingOperations.has(write.operation) || hiddenTag(provenance, annotations, key) === '!!str') continue;
    const read = resolvePlain(value);
    if (typeof read === 'number' || typeof read === 'boolean' || (typeof read === 'string' && read !== value)) annotations[key] = String(read);
  }
}
