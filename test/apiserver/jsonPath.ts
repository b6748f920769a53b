// The JSONPath subset CRD printer columns use: `.a.b`, `.a[0]`, `.a[*].b` and
// `.a[?(@.type=="Ready")].status` (cert-manager's Ready column). Results in document order.
import { isObject, type JsonValue } from './objects';

type Step = { field: string } | { index: number } | { all: true } | { filter: { path: string[]; value: string } };

function parse(expression: string): Step[] | undefined {
  const steps: Step[] = [];
  const pattern = /\.([A-Za-z0-9_$-]+)|\[(\d+)\]|\[\*\]|\[\?\(@\.([A-Za-z0-9_.$-]+)\s*==\s*(?:"([^"]*)"|'([^']*)')\)\]/gy;
  let text = expression.trim();
  if (text.startsWith('{') && text.endsWith('}')) text = text.slice(1, -1);
  if (text.startsWith('$')) text = text.slice(1);
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(text)) !== null) {
    consumed = pattern.lastIndex;
    if (match[1] !== undefined) steps.push({ field: match[1] });
    else if (match[2] !== undefined) steps.push({ index: Number(match[2]) });
    else if (match[3] !== undefined) steps.push({ filter: { path: match[3].split('.'), value: match[4] ?? match[5] ?? '' } });
    else steps.push({ all: true });
  }
  return consumed === text.length ? steps : undefined;
}

function lookup(value: JsonValue, path: readonly string[]): JsonValue | undefined {
  let node: JsonValue | undefined = value;
  for (const key of path) node = isObject(node) ? node[key] : undefined;
  return node;
}

export function evaluateJsonPath(root: JsonValue, expression: string): JsonValue[] {
  const steps = parse(expression);
  if (!steps) return [];
  let nodes: JsonValue[] = [root];
  for (const step of steps) {
    const next: JsonValue[] = [];
    for (const node of nodes) {
      if ('field' in step) {
        const child = isObject(node) ? node[step.field] : undefined;
        if (child !== undefined) next.push(child);
      } else if ('index' in step) {
        const child = Array.isArray(node) ? node[step.index] : undefined;
        if (child !== undefined) next.push(child);
      } else if ('all' in step) {
        if (Array.isArray(node)) next.push(...node);
      } else if (Array.isArray(node)) {
        next.push(...node.filter((item) => String(lookup(item, step.filter.path) ?? '') === step.filter.value));
      }
    }
    nodes = next;
  }
  return nodes;
}
