// Kubernetes set-based selectors (apimachinery labels.Parse), used by patch targets'
// labelSelector and annotationSelector: `a=b, c==d, e!=f, g in (h,i), j notin (k), l, !m, n>1`.

type Operator = 'exists' | 'notExists' | 'in' | 'notIn' | 'gt' | 'lt';

interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

export type Selector = readonly Requirement[];

const tokenPattern = /\s*(==|!=|=|!|,|\(|\)|<|>|[^\s!=,()<>]+)/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  tokenPattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (tokenPattern.lastIndex < text.length && (m = tokenPattern.exec(text))) tokens.push(m[1] ?? '');
  if (text.slice(tokenPattern.lastIndex).trim() !== '') throw new Error(`unable to parse selector '${text}'`);
  return tokens;
}

const isWord = (t: string | undefined): t is string => t !== undefined && !/^(==|!=|=|!|,|\(|\)|<|>)$/.test(t);

/** Parses a selector; throws an Error whose message says what is wrong. */
export function parseSelector(text: string): Selector {
  const tokens = tokenize(text);
  const out: Requirement[] = [];
  let i = 0;
  const next = (): string | undefined => tokens[i++];
  const fail = (what: string): never => {
    throw new Error(`unable to parse selector '${text}': ${what}`);
  };
  while (i < tokens.length) {
    let token = next();
    if (token === '!') {
      const key = next();
      if (!isWord(key)) fail('expected a key after !');
      out.push({ key: key as string, operator: 'notExists', values: [] });
    } else {
      if (!isWord(token)) fail(`unexpected '${token}'`);
      const key = token as string;
      const op = tokens[i];
      if (op === undefined || op === ',') out.push({ key, operator: 'exists', values: [] });
      else if (op === '=' || op === '==' || op === '!=') {
        i++;
        const value = isWord(tokens[i]) ? (next() as string) : '';
        out.push({ key, operator: op === '!=' ? 'notIn' : 'in', values: [value] });
      } else if (op === 'in' || op === 'notin') {
        i++;
        if (next() !== '(') fail(`expected ( after ${op}`);
        const values: string[] = [];
        while ((token = next()) !== ')') {
          if (token === undefined) fail('expected )');
          if (token !== ',') values.push(token as string);
        }
        out.push({ key, operator: op === 'in' ? 'in' : 'notIn', values });
      } else if (op === '<' || op === '>') {
        i++;
        const value = next();
        if (!isWord(value) || !/^-?\d+$/.test(value)) fail(`expected an integer after ${op}`);
        out.push({ key, operator: op === '>' ? 'gt' : 'lt', values: [value as string] });
      } else fail(`unexpected '${op}' after ${key}`);
    }
    if (i < tokens.length && next() !== ',') fail('expected ,');
    if (tokens[i - 1] === ',' && i === tokens.length) fail('expected a requirement after ,');
  }
  return out;
}

export function matchesSelector(selector: Selector, map: Readonly<Record<string, unknown>>): boolean {
  return selector.every(({ key, operator, values }) => {
    const value = typeof map[key] === 'string' ? (map[key] as string) : undefined;
    switch (operator) {
      case 'exists':
        return value !== undefined;
      case 'notExists':
        return value === undefined;
      case 'in':
        return value !== undefined && values.includes(value);
      case 'notIn':
        return value === undefined || !values.includes(value);
      case 'gt':
      case 'lt': {
        const n = value !== undefined && /^-?\d+$/.test(value) ? Number(value) : NaN;
        const bound = Number(values[0]);
        return !Number.isNaN(n) && (operator === 'gt' ? n > bound : n < bound);
      }
    }
  });
}
