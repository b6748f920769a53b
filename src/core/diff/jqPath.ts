import { isRecord } from '../fieldPath';
import type { PathSegment } from '../provenance';

// The subset of jq that ignoreDifferences.jqPathExpressions use in practice:
// `.a.b`, `."dotted.key"`, `.["key"]`, `[]`, `[N]`, optional `?`, pipes, and
// `select(.field == "value")` / `select(.field != "value")` filters.

export type JqStep =
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'each' }
  | { readonly kind: 'select'; readonly field: readonly string[]; readonly equals: boolean; readonly value: unknown };

const token = /\s*(?:\.\s*"((?:[^"\\]|\\.)*)"|\.\s*([A-Za-z_$][\w$-]*)|\.?\[\s*"((?:[^"\\]|\\.)*)"\s*\]|\.?\[\s*(\d+)\s*\]|\.?\[\s*\]|\?|\||select\(\s*((?:\.[A-Za-z_$][\w$-]*)+)\s*(==|!=)\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null)\s*\)|\.)/y;

/** Parses an expression, or undefined when it uses jq beyond the supported subset. */
export function parseJqPath(expression: string): JqStep[] | undefined {
  const steps: JqStep[] = [];
  const source = expression.trim();
  token.lastIndex = 0;
  while (token.lastIndex < source.length) {
    const at = token.lastIndex;
    const m = token.exec(source);
    if (!m || token.lastIndex === at) return undefined;
    const text = m[0].trim();
    if (m[1] !== undefined) steps.push({ kind: 'key', key: JSON.parse(`"${m[1]}"`) as string });
    else if (m[2] !== undefined) steps.push({ kind: 'key', key: m[2] });
    else if (m[3] !== undefined) steps.push({ kind: 'key', key: JSON.parse(`"${m[3]}"`) as string });
    else if (m[4] !== undefined) steps.push({ kind: 'index', index: Number(m[4]) });
    else if (m[5] !== undefined) steps.push({ kind: 'select', field: m[5].split('.').filter(Boolean), equals: m[6] === '==', value: JSON.parse(m[7] ?? 'null') });
    else if (/^\.?\[\s*\]$/.test(text)) steps.push({ kind: 'each' });
    // `?`, `|` and a lone `.` do not change which paths are addressed.
  }
  return steps;
}

/** Every concrete path in `root` that the steps address. */
export function evaluateJqPath(steps: readonly JqStep[], root: unknown): PathSegment[][] {
  let current: Array<{ path: PathSegment[]; value: unknown }> = [{ path: [], value: root }];
  for (const step of steps) {
    const next: Array<{ path: PathSegment[]; value: unknown }> = [];
    for (const { path, value } of current) {
      if (step.kind === 'key' && isRecord(value) && step.key in value) next.push({ path: [...path, step.key], value: value[step.key] });
      else if (step.kind === 'index' && Array.isArray(value) && step.index < value.length) next.push({ path: [...path, step.index], value: value[step.index] });
      else if (step.kind === 'each' && Array.isArray(value)) value.forEach((item, i) => next.push({ path: [...path, i], value: item }));
      else if (step.kind === 'each' && isRecord(value)) for (const [k, v] of Object.entries(value)) next.push({ path: [...path, k], value: v });
      else if (step.kind === 'select' && selected(value, step)) next.push({ path, value });
    }
    current = next;
  }
  return current.map((c) => c.path);
}

function selected(value: unknown, step: Extract<JqStep, { kind: 'select' }>): boolean {
  let field: unknown = value;
  for (const key of step.field) field = isRecord(field) ? field[key] : undefined;
  return (JSON.stringify(field) === JSON.stringify(step.value)) === step.equals;
}
