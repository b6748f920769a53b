import { resolvesToNonString } from '../../yaml/goyamlResolve';

// What Go type kubectl's YAML reader (gopkg.in/yaml.v2 via sigs.k8s.io/yaml, YAML 1.1)
// gives an unquoted scalar: `yes`, `on`, `y` are booleans there, `.` and `1.2.3` strings.

export type GoScalarType = 'string' | 'bool' | 'null' | 'int' | 'float';

const booleans = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE']);
const nulls = new Set(['', '~', 'null', 'Null', 'NULL']);

export function plainScalarType(text: string): GoScalarType {
  if (!resolvesToNonString(text)) return 'string';
  if (booleans.has(text)) return 'bool';
  if (nulls.has(text)) return 'null';
  // Timestamps decode to time.Time and re-encode as JSON strings; '<<' is a merge key.
  if (/^\d{4}-\d{1,2}-\d{1,2}/.test(text) || text === '<<') return 'string';
  // yaml.v2 quotes `12:30` when writing (YAML 1.1 base 60) but reads it back as a string.
  if (/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(text)) return 'string';
  return /^[-+]?(0[xXoObB]?[0-9a-fA-F_]*|[1-9][0-9_]*)$/.test(text) ? 'int' : 'float';
}
