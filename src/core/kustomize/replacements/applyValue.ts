import { isRecord } from '../../fieldPath';
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
export function setFieldValue(slot: FieldSlot, value: unknown, options: DelimiterOptions): string | undefined {
  const current = readSlot(slot);
  let next = deepCopy(value);
  if (options.delimiter) {
    // A field `create` just made is an empty scalar: the value lands beside ''.
    const text = current === createdLeaf ? '' : scalarText(current);
    if (text === undefined) return 'delimiter option can only be used with scalar nodes';
    const parts = text.split(options.delimiter);
    const v = scalarText(value) ?? '';
    const index = options.index ?? 0;
    if (index < 0) parts.unshift(v);
    else if (index >= parts.length) parts.push(v);
    else parts[index] = v;
    next = parts.join(options.delimiter);
  }
  const text = scalarText(next);
  if (current === createdLeaf) writeSlot(slot, text === undefined ? next : resolvePlain(text));
  else if (typeof current === 'string' && text !== undefined) writeSlot(slot, text);
  else if ((typeof current === 'number' || typeof current === 'boolean') && text !== undefined) writeSlot(slot, retype(current, text));
  else writeSlot(slot, next);
  return undefined;
}

function retype(current: number | boolean, text: string): unknown {
  const resolved = resolvePlain(text);
  return typeof resolved === typeof current ? resolved : text;
}

/** How yaml.v3 reads an untagged plain scalar (YAML 1.2 core schema). */
export function resolvePlain(text: string): unknown {
  if (/^(null|Null|NULL|~|)$/.test(text)) return null;
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]+$/.test(text)) return Number(text);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return Number(text);
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
  return text;
}

function deepCopy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(deepCopy);
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepCopy(x)]));
  return v;
}
