// `files:` entries (api/internal/generators/utils.go ParseFileSource): `path` (key = the
// base name) or `key=path`; a second `=` is an error.

import { basename } from '../../paths';

export type FileSourceParse = { readonly ok: true; readonly key: string; readonly path: string } | { readonly ok: false; readonly message: string };

export function parseFileSource(source: string): FileSourceParse {
  const at = source.indexOf('=');
  if (at < 0) return { ok: true, key: basename(source), path: source };
  if (at === 0) return { ok: false, message: `missing key name for file path '${source.slice(1)}' in source '${source}'` };
  const key = source.slice(0, at);
  const path = source.slice(at + 1);
  if (path.includes('=')) return { ok: false, message: `source '${source}' key name or file path contains '='` };
  if (path === '') return { ok: false, message: `missing file path for key name '${key}' in source '${source}'` };
  return { ok: true, key, path };
}
