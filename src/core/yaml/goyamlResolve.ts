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
const timestampDate = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const timestampDateTime = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})|\s(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?)$/;

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

function isTimestamp(s: string): boolean {
  const date = timestampDate.exec(s) ?? timestampDateTime.exec(s);
  if (!date) return false;
  const month = Number(date[2]);
  const day = Number(date[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const time = [date[4] ?? date[7], date[5] ?? date[8], date[6] ?? date[9]].map((t) => (t === undefined ? 0 : Number(t)));
  return (time[0] ?? 0) < 24 && (time[1] ?? 0) < 60 && (time[2] ?? 0) < 60;
}
