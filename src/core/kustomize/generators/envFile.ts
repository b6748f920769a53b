import { decodeUtf8Strict } from '../../crypto/utf8';

// Env files (api/kv/kv.go keyValuesFromLines), read as bytes so invalid UTF-8 is caught
// per line as kustomize does. Lines split like Go's bufio.ScanLines (a trailing \r is
// dropped); a UTF-8 BOM is stripped from the first line only; leading Unicode space is
// trimmed; blank and `#` lines are skipped; the key is everything before the first `=`
// and the value everything after it, verbatim. kubectl v1.35 (kustomize v5.7.1) does not
// validate key names, and a line whose key is empty (`=x`) is silently skipped.

export interface EnvPair {
  readonly key: string;
  readonly value: string;
  /** 1-based line and column of the key in the env file. */
  readonly line: number;
  readonly column: number;
}

export type EnvParse = { readonly ok: true; readonly pairs: EnvPair[] } | { readonly ok: false; readonly line: number; readonly message: string };

// Go's unicode.IsSpace: Latin-1 spaces plus the Unicode White_Space property (not U+FEFF).
const goSpace = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

export function parseEnvFile(bytes: Uint8Array): EnvParse {
  const pairs: EnvPair[] = [];
  const lines = scanLines(bytes);
  for (const [index, raw] of lines.entries()) {
    const decoded = decodeUtf8Strict(raw);
    if (decoded === undefined) return { ok: false, line: index + 1, message: 'has invalid UTF-8 bytes' };
    const text = index === 0 && decoded.startsWith('\ufeff') ? decoded.slice(1) : decoded;
    const indent = goSpace.exec(text)?.[0].length ?? 0;
    const line = text.slice(indent);
    if (line === '' || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    const key = at < 0 ? line : line.slice(0, at);
    if (key === '') continue;
    pairs.push({ key, value: at < 0 ? '' : line.slice(at + 1), line: index + 1, column: indent + 1 });
  }
  return { ok: true, pairs };
}

/** bufio.ScanLines: split at \n, drop one trailing \r, no empty token after a final newline. */
function scanLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    if (i === bytes.length && start === bytes.length) break;
    let end = i;
    if (end > start && bytes[end - 1] === 0x0d) end--;
    lines.push(bytes.subarray(start, end));
    start = i + 1;
  }
  return lines;
}
