import { goTimestampText } from './goTimestamp';

// How gopkg.in/yaml.v2 (which kustomize's output goes through) resolves a plain
// scalar. A string that would read back as anything but a string must be quoted.

const specialValues = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE',
  'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
  '<<',
]);

const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const base60Float = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
// Go's strconv.ParseInt(s, 0, 64) / ParseUint syntax, after yaml.v2 strips '_'.
const goInteger = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/;

/** True when yaml.v2 would read the plain scalar `s` as something other than a string. */
export function resolvesToNonString(s: string): boolean {
  if (specialValues.has(s)) return true;
  const first = s.charAt(0);
  if ('+-.0123456789'.includes(first)) {
    const plain = s.replaceAll('_', '');
    if (goInteger.test(plain) || yamlStyleFloat.test(plain)) return true;
    if (/^-?0b[01]+$/.test(plain)) return true;
    if (isTimestamp(s)) return true;
  }
  return base60Float.test(s);
}

/** yaml.v2 resolves a timestamp only when time.Parse accepts it: `2024-02-30` stays a plain string. */
function isTimestamp(s: string): boolean {
  return goTimestampText(s) !== undefined;
}
