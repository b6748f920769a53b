import { isScalar, parseDocument } from 'yaml';
import { goyamlV2Value } from './goyamlV2Value';

// kyaml's IsValueNonString (kyaml/yaml/alias.go): kustomize gives a string it sets (a
// label, an annotation, a generated value) the double-quoted style when yaml.v2 would
// read its text as anything but a string: a number, a boolean, null, a map or a list.
// Text yaml.v2 cannot read at all counts as a string.

/** Answers by text: a render asks about every string it walks, and the same few recur (labels, images). */
const answers = new Map<string, boolean>();
const maxAnswers = 20_000;

/** True when kyaml writes the string `value` double-quoted on setting it. */
export function isYaml11NonString(value: string): boolean {
  if (value === '' || value.includes('\n')) return false;
  let answer = answers.get(value);
  if (answer === undefined) {
    // Bounded: a long-lived editor session renders without end.
    if (answers.size >= maxAnswers) answers.clear();
    answers.set(value, (answer = parsesAsNonString(value)));
  }
  return answer;
}

function parsesAsNonString(value: string): boolean {
  const doc = parseDocument(value, { version: '1.1' });
  if (doc.errors.length > 0) return false;
  const contents = doc.contents;
  if (contents === null) return true;
  if (!isScalar(contents)) return true;
  if (contents.type !== 'PLAIN' || typeof contents.source !== 'string') return false;
  // yaml.v2 reads timestamps into an interface{} as strings.
  return typeof goyamlV2Value(contents.source) !== 'string';
}
