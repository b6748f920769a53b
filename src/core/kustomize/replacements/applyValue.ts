import { isRecord } from '../../fieldPath';
import { goTimestampText } from '../../yaml/goTimestamp';
import { goyamlV3Number, goyamlV3NumberTag } from '../../yaml/goyamlV3Number';
import type { HiddenTag } from '../scalarTags';
import { readSlot, scalarText, writeSlot, type FieldSlot } from './pathMatcher';

/** What `create` puts at a missing leaf until the value lands: kyaml's empty, untagged node. */
export const createdLeaf: unique symbol = Symbol('created');

export interface DelimiterOptions {
  readonly delimiter?: string;
  readonly index?: number;
}

/** What the target's node holds beyond its value: its tag where the value does not say it, and whether it is quoted. */
export interface TargetNode {
  readonly tag?: HiddenTag;
  readonly quoted?: boolean;
}

/**
 * kyaml's setFieldValue (api/filters/replacement/replacement.go): with a delimiter, the
 * value replaces one part of the target's text (index < 0 prepends, past the end
 * appends). Into a scalar only the text is copied: the node keeps its tag (`tag`, see
 * scalarTags.ts) — `"8080"` stays a string, 8080 a number — while a created field, or an
 * untagged node, has none and reads its text as plain YAML would.
 */
/**
 * A problem kubectl fails on, or the text the target's node now holds (undefined when it is
 * no scalar); `undecodable`: the node's tag cannot hold that text, which fails kubectl only
 * if the node is still so when the resource is printed (undecodable.ts).
 */
export type SetResult = { readonly problem: string } | { readonly text: string | undefined; readonly undecodable?: string };

export function setFieldValue(slot: FieldSlot, value: unknown, options: DelimiterOptions, sourceText = scalarText(value), { tag, quoted }: TargetNode = {}): SetResult {
  const current = readSlot(slot);
  let next = deepCopy(value);
  if (options.delimiter) {
    // A field `create` just made is an empty scalar: the value lands beside ''.
    const text = current === createdLeaf ? '' : scalarText(current);
    if (text === undefined) return { problem: 'delimiter option can only be used with scalar nodes' };
    const parts = text.split(options.delimiter);
    const v = sourceText ?? '';
    const index = options.index ?? 0;
    if (index < 0) parts.unshift(v);
    else if (index >= parts.length) parts.push(v);
    else parts[index] = v;
    next = parts.join(options.delimiter);
  }
  // kyaml copies the source node's text: plain `1.50` or `2024-01-01` as written.
  const text = options.delimiter ? scalarText(next) : scalarText(next) === undefined ? undefined : sourceText;
  if (text === undefined || current === undefined || typeof current === 'object') writeSlot(slot, next);
  else if (current === createdLeaf || tag === '') writeSlot(slot, resolvePlain(text));
  else if (tag === undefined || tag === '!!str') writeSlot(slot, text);
  else {
    const read = readAs(tag, text);
    if (read === undefined) {
      // kyaml sets the text into the typed node anyway; decoding it is what fails, later.
      writeSlot(slot, text);
      return { text, undecodable: `cannot decode !!str \`${text}\` as a ${tag}` };
    }
    // A quoted typed node prints its text, unless the text resolves to another tag (an integer in a !!float node).
    writeSlot(slot, quoted === true && !(tag === '!!float' && goyamlV3NumberTag(text) === '!!int') ? text : read);
  }
  return { text: current === undefined || typeof current === 'object' ? undefined : text };
}

/** The text read as a node tagged `tag` reads it; undefined when yaml.v3 cannot decode it so (kubectl errors). */
function readAs(tag: Exclude<HiddenTag, '' | '!!str'>, text: string): unknown {
  const resolved = resolvePlain(text);
  if (tag === '!!bool') return typeof resolved === 'boolean' ? resolved : undefined;
  if (tag === '!!timestamp') return goTimestampText(text);
  // An integer node cannot take a float's text; a float node takes an integer's.
  if (tag === '!!int') return goyamlV3NumberTag(text) === '!!int' ? resolved : undefined;
  return typeof resolved === 'number' ? resolved : undefined;
}

/** How yaml.v3 reads an untagged plain scalar: null, a boolean, a number (yaml/goyamlV3Number.ts), a timestamp, or text. */
export function resolvePlain(text: string): unknown {
  if (/^(null|Null|NULL|~|)$/.test(text)) return null;
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  // An untagged timestamp decodes to a time, printed in RFC 3339 (see yaml/goTimestamp.ts).
  return goyamlV3Number(text) ?? goTimestampText(text) ?? text;
}

function deepCopy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(deepCopy);
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepCopy(x)]));
  return v;
}
