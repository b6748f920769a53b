// Path globs as the Git generator uses them: `*` and `?` stay inside one path segment,
// `[abc]` is a class, and `**` spans any number of segments (the files generator's
// doublestar; harmless for directories, where Argo CD's path.Match has no `**`).

function segmentRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        const body = glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < glob.length) out += `\\${glob[++i] ?? ''}`;
    else out += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return out;
}

export function globToRegExp(glob: string): RegExp {
  const parts = glob.replace(/^\.?\//, '').split('/');
  let out = '';
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    if (part === '**') out += last ? '.*' : '(?:[^/]+/)*';
    else out += segmentRegex(part) + (last ? '' : '/');
  });
  return new RegExp(`^${out}$`);
}

export function matchGlob(glob: string, path: string): boolean {
  return globToRegExp(glob).test(path);
}
