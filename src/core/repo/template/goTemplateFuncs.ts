import { stringify } from 'yaml';
import { TemplateError } from './goTemplateParse';

// The functions of Argo CD's ApplicationSet templates that people actually use: Go's
// builtins, a slice of Sprig (argument order as Sprig has it: the piped value comes last),
// and Argo CD's own `normalize`. A function not listed here is an error, not a guess.

export type TemplateFunc = (...args: unknown[]) => unknown;

/** Go's `fmt` %v for JSON-shaped data: `map[a:1 b:2]`, `[x y]`, `<nil>`. */
export function formatValue(v: unknown): string {
  if (v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `[${v.map(formatValue).join(' ')}]`;
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${entries.map(([k, x]) => `${k}:${formatValue(x)}`).join(' ')}]`;
  }
  return String(v);
}

/** Sprig's `empty`, Go's truthiness for `if`. */
export function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v as object).length === 0;
  return false;
}

/** Argo CD's `normalize` (applicationset utils SanitizeName): a DNS-1123-safe name. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^-a-z0-9.]/g, '-').slice(0, 253).replace(/^[-.]+|[-.]+$/g, '');
}

function s(v: unknown): string {
  return v === undefined || v === null ? '' : formatValue(v);
}

function indexInto(value: unknown, ...keys: unknown[]): unknown {
  let v = value;
  for (const key of keys) {
    if (Array.isArray(v)) {
      const i = Number(key);
      if (!Number.isInteger(i) || i < 0 || i >= v.length) throw new TemplateError(`error calling index: index out of range: ${String(key)}`);
      v = v[i];
    } else if (v !== null && typeof v === 'object') v = (v as Record<string, unknown>)[String(key)];
    else if (v === undefined || v === null) throw new TemplateError('error calling index: index of untyped nil');
    else throw new TemplateError(`error calling index: can't index item of type ${typeof v}`);
  }
  return v;
}

function printf(format: unknown, ...args: unknown[]): string {
  let n = 0;
  return s(format).replace(/%([-+ 0#]*\d*(?:\.\d+)?)([svdqtf%])/g, (_m, _flags: string, verb: string) => {
    if (verb === '%') return '%';
    const arg = args[n++];
    if (verb === 'q') return JSON.stringify(s(arg));
    if (verb === 'd') return String(Math.trunc(Number(arg)));
    return s(arg);
  });
}

function trunc(n: unknown, str: unknown): string {
  const text = s(str);
  const c = Number(n);
  return c < 0 ? text.slice(Math.max(0, text.length + c)) : text.slice(0, c);
}

const title = (v: unknown): string => s(v).replace(/\b([a-z])/g, (c) => c.toUpperCase());

export const templateFuncs: Readonly<Record<string, TemplateFunc>> = {
  index: indexInto,
  default: (def, given) => (isEmpty(given) ? def : given),
  empty: (v) => isEmpty(v),
  coalesce: (...vs) => vs.find((v) => !isEmpty(v)),
  ternary: (a, b, cond) => (cond ? a : b),
  lower: (v) => s(v).toLowerCase(),
  upper: (v) => s(v).toUpperCase(),
  title,
  trim: (v) => s(v).trim(),
  trimPrefix: (p, v) => (s(v).startsWith(s(p)) ? s(v).slice(s(p).length) : s(v)),
  trimSuffix: (x, v) => (s(x) !== '' && s(v).endsWith(s(x)) ? s(v).slice(0, -s(x).length) : s(v)),
  replace: (from, to, v) => s(v).split(s(from)).join(s(to)),
  contains: (sub, v) => s(v).includes(s(sub)),
  hasPrefix: (p, v) => s(v).startsWith(s(p)),
  hasSuffix: (x, v) => s(v).endsWith(s(x)),
  trunc,
  quote: (...vs) => vs.map((v) => JSON.stringify(s(v))).join(' '),
  squote: (...vs) => vs.map((v) => `'${s(v)}'`).join(' '),
  printf,
  print: (...vs) => vs.map(s).join(''),
  toString: (v: unknown) => s(v),
  join: (sep, v) => (Array.isArray(v) ? v.map(s).join(s(sep)) : s(v)),
  splitList: (sep, v) => s(v).split(s(sep)),
  len: (v: unknown) => (Array.isArray(v) || typeof v === 'string' ? v.length : typeof v === 'object' && v !== null ? Object.keys(v).length : 0),
  eq: (a, ...bs) => bs.some((b) => a === b),
  ne: (a, b) => a !== b,
  not: (v) => isEmpty(v),
  and: (...vs) => vs.find((v) => isEmpty(v)) ?? vs[vs.length - 1],
  or: (...vs) => vs.find((v) => !isEmpty(v)) ?? vs[vs.length - 1],
  normalize: (v) => normalizeName(s(v)),
  toJson: (v) => JSON.stringify(v ?? null),
  toYaml: (v) => stringify(v ?? null).replace(/\n$/, ''),
};
