// JSON 6902 patches reach kustomize as YAML converted to JSON by sigs.k8s.io/yaml, whose
// reader follows YAML 1.1 (gopkg.in/yaml.v2): `no` is false, `0123` is 83, `1_000` is
// 1000, while timestamps and `12:30` stay strings (kubectl-verified).

const booleans = new Map<string, boolean>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE'].map((s): [string, boolean] => [s, true]),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE'].map((s): [string, boolean] => [s, false]),
]);
const nulls = new Set(['', '~', 'null', 'Null', 'NULL']);
const floats = new Map<string, number>([
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((s): [string, number] => [s, Infinity]),
  ...['-.inf', '-.Inf', '-.INF'].map((s): [string, number] => [s, -Infinity]),
  ...['.nan', '.NaN', '.NAN'].map((s): [string, number] => [s, NaN]),
]);

/** The value yaml.v2 gives the plain scalar `text`. */
export function goyamlV2Value(text: string): unknown {
  const bool = booleans.get(text);
  if (bool !== undefined) return bool;
  if (nulls.has(text)) return null;
  const special = floats.get(text);
  if (special !== undefined) return special;
  if (!/^[-+.0-9]/.test(text)) return text;
  const plain = text.replaceAll('_', '');
  const sign = plain.startsWith('-') ? -1 : 1;
  const digits = plain.replace(/^[-+]/, '');
  if (/^0b[01]+$/.test(digits)) return sign * parseInt(digits.slice(2), 2);
  if (/^0x[0-9a-fA-F]+$/.test(digits)) return sign * parseInt(digits.slice(2), 16);
  if (/^0[0-7]+$/.test(digits)) return sign * parseInt(digits, 8);
  if (/^(0|[1-9][0-9]*)$/.test(digits)) return sign * Number(digits);
  if (/^(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(digits)) return sign * Number(digits);
  return text;
}
