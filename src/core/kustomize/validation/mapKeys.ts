import { isCollection, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { SyntaxDocument } from '../../yaml/syntaxDocument';
import { goTimestampText } from '../../yaml/goTimestamp';
import { plainScalarType } from './goyamlScalarType';

// kubectl reads a kustomization with YAML 1.1 (yaml.v2 via sigs.k8s.io/yaml) into Go values,
// so a mapping key is not always a string. A null or a collection key fails the conversion
// to JSON at once ("unsupported map key"). A boolean, number or timestamp key survives the
// load, rides into a label or annotation map, and fails only when kubectl prints a resource
// that carries it (json: unsupported type map[interface{}]interface{}), kubectl-verified.

/** What Go type an unquoted key has to kubectl when it is no string; undefined for a string. */
export type NonStringKeyType = 'boolean' | 'integer' | 'decimal number' | 'timestamp';

export function nonStringKeyType(key: Node | null | undefined): NonStringKeyType | undefined {
  if (!isScalar(key) || key.type !== 'PLAIN' || typeof key.source !== 'string') return undefined;
  const type = plainScalarType(key.source);
  if (type === 'bool') return 'boolean';
  if (type === 'int') return 'integer';
  if (type === 'float') return 'decimal number';
  // plainScalarType calls a timestamp a string (as a value it prints as one); as a key it is a time.Time.
  return type === 'string' && goTimestampText(key.source) !== undefined ? 'timestamp' : undefined;
}

/** The first key kubectl cannot convert at all: null (`~`, `null`, empty) or a list or mapping. */
export function unsupportedKey(doc: SyntaxDocument): { readonly node: Node; readonly message: string } | undefined {
  return doc.contents ? unsupportedKeyIn(doc.contents) : undefined;
}

function unsupportedKeyIn(node: unknown): { readonly node: Node; readonly message: string } | undefined {
  if (isSeq(node)) {
    for (const item of node.items) {
      const found = unsupportedKeyIn(item);
      if (found) return found;
    }
    return undefined;
  }
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    const key = pair.key as Node | null;
    if (key === null || (isScalar(key) && key.value === null)) {
      return { node: key ?? (pair.value as Node), message: 'a mapping key is null (kubectl reads an unquoted ~, null or empty key so, and cannot use it); quote the key or remove it' };
    }
    if (isCollection(key)) return { node: key, message: `a mapping key is ${isSeq(key) ? 'a list' : 'a mapping'}; kubectl accepts only scalar keys` };
    const found = unsupportedKeyIn(pair.value);
    if (found) return found;
  }
  return undefined;
}
