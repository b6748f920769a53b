// ApplicationSet's default templating (valyala/fasttemplate): `{{key}}` with the key
// trimmed of spaces, looked up in flat string parameters. Argo CD leaves an unknown
// `{{tag}}` as it is, so this does too.

export type FlatParams = Readonly<Record<string, string>>;

export function renderFastTemplate(text: string, params: FlatParams): string {
  return text.replace(/\{\{([^{}]*)\}\}/g, (whole, tag: string) => {
    const key = tag.trim();
    return key !== '' && Object.prototype.hasOwnProperty.call(params, key) ? (params[key] ?? '') : whole;
  });
}

/** Nested data as fasttemplate parameters: `{a: {b: 1}, l: [x]}` → `a.b = "1"`, `l.0 = "x"` (Argo CD's flatten with "." separator). */
export function flattenParams(data: Readonly<Record<string, unknown>>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      const entries = Array.isArray(value) ? Object.fromEntries(value.map((v, i) => [String(i), v as unknown])) : (value as Record<string, unknown>);
      Object.assign(out, flattenParams(entries, name));
    } else out[name] = value === null || value === undefined ? '' : String(value);
  }
  return out;
}
