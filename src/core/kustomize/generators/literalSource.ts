// `literals:` entries (api/kv/kv.go parseLiteralSource): split at the first `=`, then one
// matching pair of surrounding quotes is stripped from the value.

export type LiteralParse = { readonly ok: true; readonly key: string; readonly value: string } | { readonly ok: false; readonly message: string };

export function parseLiteralSource(source: string): LiteralParse {
  const at = source.indexOf('=');
  if (at <= 0) return { ok: false, message: `invalid literal source '${source}', expected key=value` };
  return { ok: true, key: source.slice(0, at), value: removeQuotes(source.slice(at + 1)) };
}

/** Only a value quoted on both ends with the same quote loses them; `"a'` stays as is. */
export function removeQuotes(value: string): string {
  if (value.length < 2) return value;
  const first = value.charAt(0);
  if ((first === '"' || first === "'") && value.endsWith(first)) return value.slice(1, -1);
  return value;
}
