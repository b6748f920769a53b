import { isRecord } from '../../fieldPath';
import { MergeError } from './mergeError';
import { setElement } from './kyamlList';

// `$patch: delete|replace|merge` as kyaml reads it (kyaml/yaml/merge2/smpdirective.go):
// the directive is removed from the patch once read.

export type Directive = 'merge' | 'replace' | 'delete';

const directiveKey = '$patch';

function parseDirective(value: unknown): Directive | undefined {
  return value === 'merge' || value === 'replace' || value === 'delete' ? value : undefined;
}

/**
 * A map's directive. An unknown value is an error only where kyaml checks it
 * (`strict`); when the patch adds a map, kyaml ignores the error and keeps the key.
 */
export function takeMapDirective(patch: Record<string, unknown>, strict: boolean, path: readonly string[]): Directive {
  if (!(directiveKey in patch)) return 'merge';
  const directive = parseDirective(patch[directiveKey]);
  if (directive === undefined) {
    if (strict) throw new MergeError(`unknown patch strategy '${String(patch[directiveKey])}'`, path);
    return 'merge';
  }
  delete patch[directiveKey];
  return directive;
}

/**
 * A list's directive: the first item holding `$patch`, when that item holds nothing
 * else; such items are then removed from the list.
 */
export function takeListDirective(patch: unknown[], path: readonly string[]): Directive {
  const item = patch.find((e) => isRecord(e) && directiveKey in e);
  if (!isRecord(item) || Object.keys(item).length > 1) return 'merge';
  const raw = item[directiveKey];
  const directive = parseDirective(raw);
  if (directive === undefined) throw new MergeError(`unknown patch strategy '${String(raw)}'`, path);
  setElement(patch, undefined, [directiveKey], [directive]);
  return directive;
}
