import type { FuzzCase, FuzzFile } from './fuzzCase';

// Greedy structural reduction: drop files, documents, map keys and list items (biggest
// first) for as long as the case still shows a mismatch. Bounded by `maxAttempts` kubectl
// runs, so a hard case gets a smaller, not a minimal, reproduction.

type Path = readonly (string | number)[];

export async function minimise(start: FuzzCase, stillFails: (c: FuzzCase) => Promise<boolean>, maxAttempts = 300): Promise<FuzzCase> {
  let current = start;
  let attempts = 0;
  let progress = true;
  while (progress && attempts < maxAttempts) {
    progress = false;
    for (const candidate of reductions(current)) {
      if (attempts++ >= maxAttempts) break;
      if (await stillFails(candidate)) {
        current = candidate;
        progress = true;
        break;
      }
    }
  }
  return current;
}

/** Smaller variants of `c`, coarse ones first. */
function* reductions(c: FuzzCase): Generator<FuzzCase> {
  const names = Object.keys(c.files);
  for (const name of names) {
    if (name.endsWith('kustomization.yaml')) continue;
    const files = { ...c.files };
    delete files[name];
    yield { ...c, files };
  }
  for (const name of names) {
    const file = c.files[name];
    if (!file) continue;
    for (const smaller of smallerFiles(file)) yield { ...c, files: { ...c.files, [name]: smaller } };
  }
}

function* smallerFiles(file: FuzzFile): Generator<FuzzFile> {
  if (file.kind === 'text') {
    const lines = file.text.split('\n');
    for (let i = 0; i < lines.length; i++) if (lines[i] !== '') yield { kind: 'text', text: [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n') };
    return;
  }
  for (let i = 0; i < file.docs.length && file.docs.length > 1; i++) yield { kind: 'yaml', docs: file.docs.filter((_, j) => j !== i) };
  // Paths sorted by depth: removing a whole subtree first saves many attempts.
  const paths = [...removablePaths(file.docs, [])].sort((a, b) => a.length - b.length);
  for (const path of paths) yield { kind: 'yaml', docs: without(file.docs, path) as unknown[] };
}

function* removablePaths(node: unknown, at: Path): Generator<Path> {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      if (at.length > 0) yield [...at, i];
      yield* removablePaths(node[i], [...at, i]);
    }
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      // Objects keep their identity: a case without apiVersion or kind shows other, unrealistic bugs.
      if (key !== 'apiVersion' && key !== 'kind') yield [...at, key];
      yield* removablePaths(value, [...at, key]);
    }
  } else if (typeof node === 'string' && node.includes('\n')) {
    // Inline patches are YAML text: shrink them line by line too.
    const lines = node.split('\n');
    for (let i = 0; i < lines.length; i++) if (lines[i] !== '') yield [...at, `\u0000line:${i}`];
  }
}

/** A copy of `node` without the value at `path`. */
function without(node: unknown, path: Path): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return node;
  if (typeof head === 'string' && head.startsWith('\u0000line:') && typeof node === 'string') {
    const lines = node.split('\n');
    lines.splice(Number(head.slice(6)), 1);
    return lines.join('\n');
  }
  if (Array.isArray(node)) {
    if (rest.length === 0) return node.filter((_, i) => i !== head);
    return node.map((item, i) => (i === head ? without(item, rest) : item));
  }
  if (node !== null && typeof node === 'object') {
    const copy: Record<string, unknown> = { ...(node as Record<string, unknown>) };
    if (rest.length === 0) delete copy[String(head)];
    else copy[String(head)] = without(copy[String(head)], rest);
    return copy;
  }
  return node;
}
