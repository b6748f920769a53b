import { isScalar } from 'yaml';
import type { NonStringKey } from '../provenance';
import { goyamlV3NumberTag } from './goyamlV3Number';
import { goTimestampText } from './goTimestamp';

// kustomize prints a resource by reading kyaml's output back with yaml.v3 into Go values and
// marshalling those as JSON. A nested mapping key written unquoted that yaml.v3 reads as a
// number, boolean, null or timestamp makes that map a map[interface{}]interface{}, which JSON
// cannot marshal: `kubectl kustomize` fails ("json: unsupported type"), kubectl-verified for
// `data: {9000: x}`, `spec: {true: x}`, `{1.5: x}`, `{2020-01-01: x}` and `{~: x}`.

/** How yaml.v3 types the key node when it is not a string; undefined for a string key. */
export function goyamlV3KeyType(key: unknown): NonStringKey | undefined {
  if (!isScalar(key) || key.type !== 'PLAIN' || typeof key.source !== 'string') return undefined;
  const text = key.source;
  const value: unknown = key.value;
  // Runs for every nested key of every resource: a key starting with a letter is text unless
  // the package already read it as something else (`true`, `null`).
  if (typeof value === 'string' && !/^[-+.0-9]/.test(text)) return undefined;
  if (value === null) return { type: 'null', text };
  if (typeof value === 'boolean') return { type: 'boolean', text };
  const numberTag = goyamlV3NumberTag(text);
  if (numberTag) return { type: numberTag === '!!int' ? 'integer' : 'decimal number', text };
  // The 1.2 core schema's numbers yaml.v3 also reads (`.inf`, `1e3`): a float to it too.
  if (typeof value === 'number') return { type: 'decimal number', text };
  return goTimestampText(text) !== undefined ? { type: 'timestamp', text } : undefined;
}
