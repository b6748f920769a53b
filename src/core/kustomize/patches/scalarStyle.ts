import { isRecord } from '../../fieldPath';
import type { FieldWrite, Provenance } from '../../provenance';
import { writesPlain } from '../../yaml/scalarWriter';
import { isYaml11NonString } from '../../yaml/yaml11NonString';
import { plainScalarValue } from '../../yaml/plainScalarValue';
import { resolvePlain } from '../replacements/applyValue';

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
  return text ?? (typeof given === 'string' ? given : String(given));
}

/** The text kyaml's node for `parent[key]` holds: what a parser read plain as a number, boolean or timestamp keeps its source text. */
export function nodeText(provenance: Provenance, parent: object, key: string, value: unknown): string | undefined {
  const write = provenance.of(parent, key)[0];
  // Since a JSON round trip (and until the next write) the node holds the JSON value's text.
  const rebuilt = write !== undefined && jsonRebuilt.get(parent)?.get(key) === write;
  if (write && !rebuilt && parsingOperations.has(write.operation) && write.plainText !== undefined) return write.plainText;
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
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
