// POSIX path arithmetic for the core, which may not import node:path. Every path
// the core sees is absolute and '/'-separated; adapters convert at the edge.

export function normalize(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

export function join(...parts: string[]): string {
  return normalize(parts.filter((p) => p !== '').join('/'));
}

/** Resolves `path` against `base` unless it is already absolute. */
export function resolve(base: string, path: string): string {
  return path.startsWith('/') ? normalize(path) : join(base, path);
}

export function dirname(path: string): string {
  const n = normalize(path);
  const at = n.lastIndexOf('/');
  if (at < 0) return '.';
  return at === 0 ? '/' : n.slice(0, at);
}

export function basename(path: string): string {
  const n = normalize(path);
  return n.slice(n.lastIndexOf('/') + 1);
}

export function relative(from: string, to: string): string {
  const a = normalize(from).split('/').filter(Boolean);
  const b = normalize(to).split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const up = a.slice(common).map(() => '..');
  return [...up, ...b.slice(common)].join('/') || '.';
}

export function isWithin(dir: string, path: string): boolean {
  const d = normalize(dir);
  const p = normalize(path);
  return p === d || p.startsWith(d === '/' ? '/' : `${d}/`);
}
