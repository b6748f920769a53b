import { isRecord } from '../../fieldPath';
import { RenderError, diagnostic } from '../../result';
import type { FieldWrite } from '../../provenance';
import { kindOf, type Resource } from '../resource';
import type { RootPhaseInput } from '../rootPhase';
import { matchPath, readSlot, splitFieldPath } from '../replacements/pathMatcher';
import { expandVars, type VarValue } from './expandVars';
import { matchesVar } from './mergeVars';
import { varReferenceSpecs } from './varReferenceSpecs';
import { varsOf, type VarDefinition } from './varSet';

/**
 * The root's vars step, after name references are fixed (ResAccumulator.ResolveVars):
 * each var reads its field from the resource it was bound to, then $(VAR) is replaced
 * in the varReference fields of every resource. Unknown $(NAMES) are left as written.
 */
export function resolveVars({ ctx, resources }: RootPhaseInput): void {
  const vars = [...varsOf(ctx).values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (vars.length === 0) return;
  const values = new Map<string, { value: VarValue | undefined; write: FieldWrite }>();
  for (const v of vars) values.set(v.name, { value: valueOf(resources, v), write: { ...v.at, operation: 'vars' } });
  const lookup = (name: string): VarValue | undefined => values.get(name)?.value;
  for (const r of resources) {
    for (const spec of varReferenceSpecs) {
      if (spec.kind !== undefined && spec.kind !== kindOf(r)) continue;
      visit(r.object, spec.path, (parent, key) => {
        const slot = parent as Record<string | number, unknown>;
        const replaced = substitute(slot[key], lookup, key === 'annotations', r);
        slot[key] = replaced.value;
        for (const change of replaced.changed) {
          const write = values.get(change.name)?.write;
          // A changed scalar is recorded on its parent; items of a list or map on the container.
          if (write) ctx.provenance.record(change.key === undefined ? parent : (replaced.value as object), change.key ?? key, write);
        }
      });
    }
  }
}

function valueOf(resources: readonly Resource[], v: VarDefinition): VarValue | undefined {
  const holder = resources.find((r) => r.object === v.bound) ?? resources.find((r) => matchesVar(r, v));
  if (!holder) {
    throw new RenderError(diagnostic(v.at.file, `var '${v.name}' cannot be mapped to a resource: no ${v.kind} named '${v.objectName}' with apiVersion '${[v.group, v.version].filter(Boolean).join('/')}' (objref needs the exact apiVersion, kind and original name)`, v.at));
  }
  const path = splitFieldPath(v.fieldPath.replace(/\[(\d+)\]/g, '.$1')).join('.');
  const found = matchPath(holder.object, path, undefined).map(readSlot)[0];
  if (found === undefined || found === null) {
    throw new RenderError(diagnostic(v.at.file, `field '${v.fieldPath}' of var '${v.name}' not found in ${kindOf(holder)} '${String(holder.object.metadata['name'])}'`, v.at));
  }
  // Maps and lists are not substituted: kustomize leaves $(VAR) as written.
  return typeof found === 'string' || typeof found === 'number' || typeof found === 'boolean' ? found : undefined;
}

/** The first $(NAME) in a string, to attribute a substitution to its var. */
function usedVar(v: unknown): string | undefined {
  return typeof v === 'string' ? /\$\(([^)]*)\)/.exec(v)?.[1] : undefined;
}

type Lookup = (name: string) => VarValue | undefined;

interface Change {
  /** Undefined: the value itself; otherwise the list index or map key inside it. */
  readonly key?: string | number;
  readonly name: string;
}

/** refvar's set (api/filters/refvar/refvar.go): strings, each string value of a map, each item of a list. */
function substitute(node: unknown, lookup: Lookup, stringsOnly: boolean, r: Resource): { value: unknown; changed: Change[] } {
  const changed: Change[] = [];
  const one = (s: string, key: string | number | undefined): VarValue => {
    const expanded = expandVars(s, lookup);
    const v = stringsOnly ? String(expanded) : expanded;
    const name = usedVar(s);
    if (v !== s && name !== undefined) changed.push({ key, name });
    return v;
  };
  if (typeof node === 'string') return { value: one(node, undefined), changed };
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      if (typeof item !== 'string') throw new RenderError(diagnostic(r.origin.file, `a $(VAR) list in ${kindOf(r)} '${String(r.object.metadata['name'])}' holds a non-string item (${JSON.stringify(item)}); kubectl rejects it: invalid value type expect a string`, r.origin));
      node[i] = one(item, i);
    });
  } else if (isRecord(node)) {
    for (const [k, item] of Object.entries(node)) if (typeof item === 'string') node[k] = one(item, k);
  }
  return { value: node, changed };
}

/** Walks a fieldSpec path through maps, fanning out over list items on the way. */
function visit(node: unknown, path: readonly string[], at: (parent: Record<string, unknown> | unknown[], key: string | number) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, path, at);
    return;
  }
  if (!isRecord(node) || path.length === 0) return;
  const [head, ...rest] = path as [string, ...string[]];
  if (!(head in node) || node[head] === null) return;
  if (rest.length === 0) at(node, head);
  else visit(node[head], rest, at);
}
