// kustomize prints every resource through JSON (Resource.AsYAML → RNode.MarshalJSON →
// yaml.v3 Unmarshal → json.Marshal → JSONToYAML). yaml.v3 reads an unquoted scalar that
// time.Parse accepts as a timestamp into a time.Time, and JSON writes that back in
// RFC 3339: `date: 2024-01-01` comes out as "2024-01-01T00:00:00Z" (kubectl-verified).

const layouts: readonly RegExp[] = [
  // "2006-1-2T15:4:5.999999999Z07:00", with upper- or lower-case T.
  /^(\d{4})-(\d{1,2})-(\d{1,2})[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,](\d+))?(Z|[+-]\d{2}:\d{2})$/,
  // "2006-1-2 15:4:5.999999999": no zone means UTC.
  /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,](\d+))?()$/,
  // "2006-1-2"
  /^(\d{4})-(\d{1,2})-(\d{1,2})()()()()()$/,
];

const daysIn = (year: number, month: number): number => [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;

/** The RFC 3339 text kustomize prints for the plain scalar `text`, or undefined when it is no timestamp. */
export function goTimestampText(text: string): string | undefined {
  if (!/^\d{4}-/.test(text)) return undefined;
  for (const layout of layouts) {
    const m = layout.exec(text);
    if (!m) continue;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const [hour, minute, second] = [Number(m[4] || 0), Number(m[5] || 0), Number(m[6] || 0)];
    if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
    const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
    // RFC3339Nano drops trailing zeros of the fraction, and the fraction when it is zero.
    const fraction = (m[7] ?? '').slice(0, 9).replace(/0+$/, '');
    const zone = m[8] === undefined || m[8] === '' || m[8] === 'Z' || /^[+-]00:00$/.test(m[8]) ? 'Z' : m[8];
    return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction ? `.${fraction}` : ''}${zone}`;
  }
  return undefined;
}
