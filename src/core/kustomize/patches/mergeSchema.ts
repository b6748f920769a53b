import { isRecord } from '../../fieldPath';
import { mergeTypes, schemaKinds, type MergeListSpec } from './builtinMergeSchema';

/**
 * Where the merge walker stands in the schema: a type whose fields may hold merge
 * lists, a merge list, or nothing known (then every list below is replaced).
 */
export type SchemaNode = { readonly type: string } | { readonly list: MergeListSpec } | undefined;

/** kyaml's GetSchema: the resource's own apiVersion/kind, exactly as written. */
export function schemaForObject(object: unknown): SchemaNode {
  if (!isRecord(object)) return undefined;
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const type = schemaKinds.get(`${apiVersion} ${kind}`);
  return type === undefined ? undefined : { type };
}

export function fieldSchema(node: SchemaNode, field: string): SchemaNode {
  if (!node || !('type' in node)) return undefined;
  const spec = mergeTypes[node.type]?.[field];
  if (spec === undefined) return undefined;
  return typeof spec === 'string' ? { type: spec } : { list: spec };
}

/** The merge keys when `node` is a merge list ([] for lists of scalars), else undefined. */
export function mergeKeys(node: SchemaNode): readonly string[] | undefined {
  return node && 'list' in node ? node.list.keys : undefined;
}

export function elementSchema(node: SchemaNode): SchemaNode {
  const element = node && 'list' in node ? node.list.element : undefined;
  return element === undefined ? undefined : { type: element };
}
