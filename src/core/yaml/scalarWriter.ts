import { resolvesToNonString } from './goyamlResolve';
import { analyzeScalar, isPrintable } from './scalarAnalysis';

// Writes scalars the way gopkg.in/yaml.v2 does (kustomize's output path):
// style choice, quoting, escapes, and folding of long lines at column 80.

const bestWidth = 80;

export interface ScalarPlacement {
  /** Column (0-based) at which the scalar starts. */
  readonly column: number;
  /** Indentation of continuation lines. */
  readonly indent: number;
  /** Keys are "simple keys": never folded, never block scalars. */
  readonly isKey: boolean;
}

/** The scalar's text; may span lines (continuations already indented). */
export function writeScalar(value: unknown, at: ScalarPlacement): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'bigint') return value.toString();
  return writeString(String(value), at);
}

function formatNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return goFormatFloatG(n);
}

/** Go's strconv.FormatFloat(f, 'g', -1, 64): exponent form when exp < -4 or >= 21. */
function goFormatFloatG(n: number): string {
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21) {
    const [mantissa = '', e = '0'] = n.toExponential().split('e');
    const sign = e.startsWith('-') ? '-' : '+';
    const digits = e.replace(/^[-+]/, '').padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return String(n);
}

/** True when the string is written plain: one line, unquoted. */
export function writesPlain(s: string): boolean {
  return !s.includes('\n') && !resolvesToNonString(s) && analyzeScalar(s).blockPlainAllowed;
}

function writeString(s: string, at: ScalarPlacement): string {
  const analysis = analyzeScalar(s);
  if (s.includes('\n')) {
    if (analysis.blockAllowed && !at.isKey) return writeLiteral(s, at.indent);
    return writeDoubleQuoted(s, at);
  }
  if (resolvesToNonString(s)) return writeDoubleQuoted(s, at);
  if (analysis.blockPlainAllowed) return writePlain(s, at);
  if (analysis.singleQuotedAllowed) return writeSingleQuoted(s, at);
  return writeDoubleQuoted(s, at);
}

/** Breaks at a space once the line is past the width, as libyaml's writers do. */
class LineBuilder {
  private out = '';
  private column: number;

  constructor(private readonly at: ScalarPlacement) {
    this.column = at.column;
  }

  write(text: string): void {
    this.out += text;
    this.column += Array.from(text).length;
  }

  pastWidth(): boolean {
    return !this.at.isKey && this.column > bestWidth;
  }

  newLine(): void {
    this.out += `\n${' '.repeat(this.at.indent)}`;
    this.column = this.at.indent;
  }

  toString(): string {
    return this.out;
  }
}

function writePlain(s: string, at: ScalarPlacement): string {
  const line = new LineBuilder(at);
  const chars = Array.from(s);
  let spaces = false;
  chars.forEach((c, i) => {
    if (c === ' ') {
      if (!spaces && line.pastWidth() && chars[i + 1] !== ' ') line.newLine();
      else line.write(c);
      spaces = true;
    } else {
      line.write(c);
      spaces = false;
    }
  });
  return line.toString();
}

function writeSingleQuoted(s: string, at: ScalarPlacement): string {
  const line = new LineBuilder(at);
  const chars = Array.from(s);
  line.write("'");
  let spaces = false;
  chars.forEach((c, i) => {
    if (c === ' ') {
      if (!spaces && line.pastWidth() && i !== 0 && i !== chars.length - 1 && chars[i + 1] !== ' ') line.newLine();
      else line.write(c);
      spaces = true;
    } else {
      line.write(c === "'" ? "''" : c);
      spaces = false;
    }
  });
  line.write("'");
  return line.toString();
}

const namedEscapes: Record<string, string> = {
  '\0': '\\0', '\x07': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\x0b': '\\v', '\f': '\\f',
  '\r': '\\r', '\x1b': '\\e', '"': '\\"', '\\': '\\\\', '\u0085': '\\N', '\u00a0': '\\_',
  '\u2028': '\\L', '\u2029': '\\P',
};

function escape(c: string): string {
  const named = namedEscapes[c];
  if (named) return named;
  const code = c.codePointAt(0) ?? 0;
  if (code <= 0xff) return `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `\\U${code.toString(16).toUpperCase().padStart(8, '0')}`;
}

function writeDoubleQuoted(s: string, at: ScalarPlacement): string {
  const line = new LineBuilder(at);
  const chars = Array.from(s);
  line.write('"');
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    const needsEscape = !isPrintable(c) || c === '\ufeff' || c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029' || c === '"' || c === '\\';
    if (needsEscape) {
      line.write(escape(c));
      spaces = false;
    } else if (c === ' ') {
      if (!spaces && line.pastWidth() && i !== 0 && i !== chars.length - 1) {
        line.newLine();
        if (chars[i + 1] === ' ') line.write('\\');
      } else {
        line.write(c);
      }
      spaces = true;
    } else {
      line.write(c);
      spaces = false;
    }
  }
  line.write('"');
  return line.toString();
}

function writeLiteral(s: string, indent: number): string {
  const first = s.charAt(0);
  const indentHint = first === ' ' || first === '\n' ? '2' : '';
  let chomp = '';
  if (!s.endsWith('\n')) chomp = '-';
  else if (s.length === 1 || s.charAt(s.length - 2) === '\n') chomp = '+';
  const body = s.endsWith('\n') ? s.slice(0, -1) : s;
  const pad = ' '.repeat(indent);
  const lines = body.split('\n').map((l) => (l === '' ? '' : pad + l));
  return `|${indentHint}${chomp}\n${lines.join('\n')}`;
}
