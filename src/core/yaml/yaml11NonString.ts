import { isScalar, parseDocument } from 'yaml';
import { goyamlV2Value } from './goyamlV2Value';

// kyaml's IsValueNonString (kyaml/yaml/alias.go): kustomize gives a string it sets (a
// label, an annotation, a generated value) the double-quoted style when yaml.v2 would
// read its text as anything but a string: a number, a boolean, null, a map or a list.
// Text yaml.v2 cannot read at all counts as a string.

/** True when kyaml writes the string `value` double-quoted on setting it. */
export function isYaml11NonString(value: string): boolean {
  if (value === '' || value.includes('\n')) return false;
  const doc = parseDocument(value, { version: '1.1' });
  if (doc.errors.length > 0) return false;
  const contents = doc.contents;
  if (contents === null) return true;
  if (!isScalar(contents)) return true;
  if (contents.type !== 'PLAIN' || typeof contents.source !== 'string') return false;
  // yaml.v2 reads timestamps into an interface{} as strings.
  return typeof goyamlV2Value(contents.source) !== 'string';
}
