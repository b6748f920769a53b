import { isRecord } from '../../fieldPath';
import { gvkOf, gvkSelects, splitFieldSpecPath, type FieldSpec } from './fieldSpec';

// kustomize's fieldspec filter (api/filters/fieldspec): follow the path through maps,
// visit every item of any list met on the way (with or without `[]`), create missing maps
// when the spec says `create`, and hand the final field to the caller.

/** What a missing final field is created as: a map for labels, a string for names and namespaces. */
export type CreateKind = 'map' | 'scalar';

export interface WalkOptions {
  /** Set when the transformer may create fields; honoured only for specs with `create`. */
  readonly createKind?: CreateKind;
  /** Skip the spec's group/version/kind check (nameReference has already selected the referrer). */
  readonly ignoreGvk?: boolean;
  /** A scalar met where the path needs a map or a list: kustomize fails the build. */
  readonly onError: (message: string) => never;
}

/** Calls `visit(parent, key)` for every field `spec` designates in `object`. */
export function walkFieldSpec(
  object: Record<string, unknown>,
  spec: FieldSpec,
  options: WalkOptions,
  visit: (parent: Record<string, unknown>, key: string) => void,
): void {
  if (!options.ignoreGvk && !gvkSelects(spec, gvkOf(object))) return;
  const path = splitFieldSpecPath(spec.path);
  const create = spec.create === true && options.createKind !== undefined ? options.createKind : undefined;
  walk(object, path, 0, create, options, visit, spec.path);
}

function walk(
  node: unknown,
  path: readonly string[],
  at: number,
  create: CreateKind | undefined,
  options: WalkOptions,
  visit: (parent: Record<string, unknown>, key: string) => void,
  spec: string,
): void {
  if (node === null || node === undefined) return;
  if (Array.isArray(node)) {
    // Lists are transparent: the same remaining path applies to every item.
    for (const item of node) walk(item, path, at, create, options, visit, spec);
    return;
  }
  if (!isRecord(node)) options.onError(`considering field '${spec}': expected sequence or mapping node`);
  const segment = path[at] ?? '';
  const isList = segment.endsWith('[]');
  const key = isList ? segment.slice(0, -2) : segment;
  if (key === '') options.onError(`considering field '${spec}': cannot set or create an empty field name`);
  const last = at === path.length - 1;
  if (!(key in node) || node[key] === null) {
    if (create === undefined || isList) {
      // A `[]` hint turns an explicit null into an empty list, create or not; nothing to visit in it.
      if (isList && key in node) node[key] = [];
      else if (!(key in node)) return;
    } else {
      node[key] = last && create === 'scalar' ? '' : {};
    }
  }
  if (last) visit(node, key);
  else walk(node[key], path, at + 1, create, options, visit, spec);
}
