import type { PathSegment } from './provenance';

// Paths in kubectl style: `spec.template.spec.containers[name=api].image`,
// with `[key=value]` to pick a list item by a field and `[index]` by position.

export type FieldPathStep = { readonly key: string } | { readonly index: number } | { readonly match: { readonly field: string; readonly value: string } };

export function parseFieldPath(path: string): FieldPathStep[] | undefined {
  const steps: FieldPathStep[] = [];
  const token = /([^.[\]]+)|\[([^\]=]+)=([^\]]*)\]|\[(\d+)\]|(\.)/gy;
  let expectKey = true;
  let m: RegExpExecArray | null;
  while (token.lastIndex < path.length && (m = token.exec(path))) {
    if (m[1] !== undefined) {
      if (!expectKey) return undefined;
      steps.push({ key: m[1] });
      expectKey = false;
    } else if (expectKey) {
      // `[…]` must follow a key or another `[…]`, and `.` must not be doubled.
      return undefined;
    } else if (m[2] !== undefined) {
      steps.push({ match: { field: m[2], value: m[3] ?? '' } });
    } else if (m[4] !== undefined) {
      steps.push({ index: Number(m[4]) });
    } else {
      expectKey = true;
    }
  }
  return token.lastIndex === path.length && !expectKey && steps.length > 0 ? steps : undefined;
}

/** The concrete keys and indices of `steps` in `root`, or undefined when some step does not exist. */
export function resolveFieldPath(root: unknown, steps: readonly FieldPathStep[]): PathSegment[] | undefined {
  const out: PathSegment[] = [];
  let node: unknown = root;
  for (const step of steps) {
    if ('key' in step) {
      if (!isRecord(node) || !(step.key in node)) return undefined;
      out.push(step.key);
      node = node[step.key];
    } else if ('index' in step) {
      if (!Array.isArray(node) || step.index >= node.length) return undefined;
      out.push(step.index);
      node = node[step.index];
    } else {
      if (!Array.isArray(node)) return undefined;
      const at = node.findIndex((item) => isRecord(item) && String(item[step.match.field]) === step.match.value);
      if (at < 0) return undefined;
      out.push(at);
      node = node[at];
    }
  }
  return out;
}

/** Fields that identify list items, in the order kubectl users name them. */
const identifyingFields = ['name', 'containerPort', 'port', 'mountPath', 'devicePath', 'ip', 'type', 'topologyKey', 'key'];

/** Renders a concrete path in kubectl style, naming list items by their identifying field when they have one. */
export function formatFieldPath(root: unknown, path: readonly PathSegment[]): string {
  let out = '';
  let node: unknown = root;
  for (const segment of path) {
    if (typeof segment === 'number') {
      const item = Array.isArray(node) ? node[segment] : undefined;
      const field = isRecord(item) ? identifyingFields.find((f) => isScalar(item[f])) : undefined;
      out += field && isRecord(item) ? `[${field}=${String(item[field])}]` : `[${segment}]`;
      node = item;
    } else {
      out += out === '' ? segment : `.${segment}`;
      node = isRecord(node) ? node[segment] : undefined;
    }
  }
  return out;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isScalar(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}
