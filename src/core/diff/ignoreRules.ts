import { formatFieldPath, isRecord } from '../fieldPath';
import type { PathSegment } from '../provenance';
import { parseJqPath, evaluateJqPath } from './jqPath';

/** Argo CD's ignoreDifferences entry (and Driftline's global setting, same shape). */
export interface IgnoreRule {
  readonly group?: string;
  readonly kind: string;
  readonly name?: string;
  readonly namespace?: string;
  readonly jsonPointers?: readonly string[];
  readonly jqPathExpressions?: readonly string[];
  readonly managedFieldsManagers?: readonly string[];
}

export interface ResourceIdentity {
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | undefined;
}

/** The parts of the rules that apply to one resource, ready to test change paths against. */
export interface IgnoredFields {
  /** kubectl-style paths whose value, and everything under it, is ignored. */
  readonly paths: ReadonlySet<string>;
  readonly managers: ReadonlySet<string>;
}

export function ruleApplies(rule: IgnoreRule, id: ResourceIdentity): boolean {
  const matches = (pattern: string | undefined, value: string): boolean => pattern === undefined || pattern === '' || pattern === '*' || pattern === value;
  return matches(rule.group, id.group) && matches(rule.kind, id.kind) && matches(rule.name, id.name) && matches(rule.namespace, id.namespace ?? '');
}

/** Resolves each rule's pointers and jq paths against both objects, so list items match by key on either side. */
export function ignoredFields(rules: readonly IgnoreRule[], id: ResourceIdentity, objects: readonly unknown[]): IgnoredFields {
  const paths = new Set<string>();
  const managers = new Set<string>();
  for (const rule of rules) {
    if (!ruleApplies(rule, id)) continue;
    for (const m of rule.managedFieldsManagers ?? []) managers.add(m);
    for (const object of objects) {
      for (const pointer of rule.jsonPointers ?? []) {
        const segments = pointerSegments(pointer, object);
        if (segments) paths.add(formatFieldPath(object, segments));
      }
      for (const expression of rule.jqPathExpressions ?? []) {
        const parsed = parseJqPath(expression);
        if (!parsed) continue;
        for (const segments of evaluateJqPath(parsed, object)) paths.add(formatFieldPath(object, segments));
      }
    }
  }
  return { paths, managers };
}

export function isIgnoredPath(ignored: IgnoredFields, path: string): boolean {
  for (const p of ignored.paths) {
    if (p === '' || path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`)) return true;
  }
  return false;
}

/** RFC 6901: `/spec/template/spec/containers/0/image`, with `~1` for `/` and `~0` for `~`. */
function pointerSegments(pointer: string, object: unknown): PathSegment[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  const out: PathSegment[] = [];
  let node: unknown = object;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(node)) {
      const index = Number(token);
      if (!Number.isInteger(index)) return undefined;
      out.push(index);
      node = node[index];
    } else {
      out.push(token);
      node = isRecord(node) ? node[token] : undefined;
    }
  }
  return out;
}
