import { isRecord } from '../../fieldPath';
import { goTimestampText } from '../../yaml/goTimestamp';
import { readSlot, scalarText, writeSlot, type FieldSlot } from './pathMatcher';

/** What `create` puts at a missing leaf until the value lands: kyaml's empty, untagged node. */
export const createdLeaf: unique symbol = Symbol('created');

export interface DelimiterOptions {
  readonly delimiter?: string;
  readonly index?: number;
}

/**
 * kyaml's setFieldValue (api/filters/replacement/replacement.go): with a delimiter, the
 * value replaces one part of the target's text (index < 0 prepends, past the end
 * appends). A scalar target keeps its type — `"8080"` stays a string, 8080 a number —
 * while a created field has none and reads its text as plain YAML would.
 */
export function setFieldValue(slot: FieldSlot, value: unknown, options: DelimiterOptions, sourceText = scalarText(value)): string | undefined {
  const current = readSlot(slot);
  let next = deepCopy(value);
  if (options.delimiter) {
    // A field `create` just made is an empty scalar: the value lands beside ''.
    const text = current === createdLeaf ? '' : scalarText(current);
    if (text === undefined) return 'delimiter option can only be used with scalar nodes';
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
  if (current === createdLeaf || isUntyped(slot)) {
    // The node `create` made stays untagged: later replacements into it resolve as plain YAML too.
    writeSlot(slot, text === undefined ? next : resolvePlain(text));
    if (text !== undefined) markUntyped(slot);
  }
  else if (typeof current === 'string' && text !== undefined) writeSlot(slot, text);
  else if ((typeof current === 'number' || typeof current === 'boolean') && text !== undefined) {
    const retyped = retype(current, text);
    if (retyped === undefined) return `cannot decode !!str \`${text}\` as a ${typeof current === 'boolean' ? '!!bool' : '!!int'}`;
    writeSlot(slot, retyped);
  }
  else writeSlot(slot, next);
  return undefined;
}

const untyped = new WeakMap<object, Set<string | number>>();

function isUntyped(slot: FieldSlot): boolean {
  return untyped.get(slot.parent)?.has(slot.key) ?? false;
}

function markUntyped(slot: FieldSlot): void {
  let keys = untyped.get(slot.parent);
  if (!keys) untyped.set(slot.parent, (keys = new Set()));
  keys.add(slot.key);
}

/** The text read as the target's type, which kyaml keeps; undefined when yaml.v3 cannot decode it so (kubectl errors). */
function retype(current: number | boolean, text: string): unknown {
  const resolved = resolvePlain(text);
  if (typeof resolved !== typeof current) return undefined;
  // An integer node cannot take a float's text; a float node takes an integer's.
  if (typeof current === 'number' && Number.isInteger(current) && !/^[-+]?(0[xX][0-9a-fA-F_]+|0[oObB]?[0-7_]+|[0-9_]+)$/.test(text)) return undefined;
  return resolved;
}

/**
 * How yaml.v3 reads an untagged plain scalar: underscores dropped, then Go's
 * strconv.ParseInt(s, 0, 64), so `0123` is octal 83 and `0x1F` is 31 (kubectl-verified),
 * then YAML-style floats.
 */
export function resolvePlain(text: string): unknown {
  if (/^(null|Null|NULL|~|)$/.test(text)) return null;
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  if (!/^[-+.0-9]/.test(text)) return text;
  const plain = text.replaceAll('_', '');
  const sign = plain.startsWith('-') ? -1 : 1;
  const digits = plain.replace(/^[-+]/, '');
  if (/^0[xX][0-9a-fA-F]+$/.test(digits)) return sign * parseInt(digits.slice(2), 16);
  if (/^0[oO][0-7]+$/.test(digits)) return sign * parseInt(digits.slice(2), 8);
  if (/^0[bB][01]+$/.test(digits)) return sign * parseInt(digits.slice(2), 2);
  if (/^0[0-7]+$/.test(digits)) return sign * parseInt(digits, 8);
  if (/^(0|[1-9][0-9]*)$/.test(digits)) return sign * Number(digits);
  if (/^(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(digits)) return sign * Number(digits);
  // An untagged timestamp decodes to a time, printed in RFC 3339 (see yaml/goTimestamp.ts).
  return goTimestampText(text) ?? text;
}

function deepCopy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(deepCopy);
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepCopy(x)]));
  return v;
}
