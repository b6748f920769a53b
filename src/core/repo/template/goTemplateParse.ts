// A parser for the subset of Go's text/template that ApplicationSet templates use:
// actions with pipelines (`{{ .values.x | default "y" }}`), function calls, parentheses,
// `{{- -}}` trimming, comments and `if`/`else if`/`else`/`end`. Everything else (range,
// with, define, variables) is refused with a TemplateError, never guessed at.

export class TemplateError extends Error {}

export type Operand =
  | { readonly t: 'field'; readonly root: boolean; readonly path: readonly string[] }
  | { readonly t: 'literal'; readonly value: string | number | boolean | null }
  | { readonly t: 'ident'; readonly name: string }
  | { readonly t: 'sub'; readonly pipe: Pipeline; readonly path: readonly string[] };

export type Command = readonly Operand[];
export type Pipeline = readonly Command[];

export type TemplateNode =
  | { readonly t: 'text'; readonly text: string }
  | { readonly t: 'action'; readonly pipe: Pipeline }
  | { readonly t: 'if'; readonly branches: ReadonlyArray<{ readonly cond: Pipeline; readonly body: readonly TemplateNode[] }>; readonly otherwise: readonly TemplateNode[] };

type Token = { k: 'str' | 'num' | 'ident' | 'field' | 'var'; v: string } | { k: '|' | '(' | ')' };

const unsupported = new Set(['range', 'with', 'define', 'template', 'block', 'break', 'continue']);

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] ?? '';
    if (/\s/.test(c)) i++;
    else if (c === '|' || c === '(' || c === ')') {
      tokens.push({ k: c });
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) throw new TemplateError('unterminated quoted string');
      tokens.push({ k: 'str', v: JSON.parse(src.slice(i, j + 1)) as string });
      i = j + 1;
    } else if (c === '`') {
      const j = src.indexOf('`', i + 1);
      if (j < 0) throw new TemplateError('unterminated raw string');
      tokens.push({ k: 'str', v: src.slice(i + 1, j) });
      i = j + 1;
    } else {
      const m = /^(-?\d+(?:\.\d+)?|\$?(?:\.[A-Za-z0-9_]*)+|\$|[A-Za-z_][A-Za-z0-9_]*|:?=)/.exec(src.slice(i));
      if (!m?.[0]) throw new TemplateError(`unexpected "${c}" in action`);
      const word = m[0];
      if (word.endsWith('=')) throw new TemplateError('template variables are not supported');
      const k = /^-?\d/.test(word) ? 'num' : word.startsWith('$') ? 'var' : word.startsWith('.') ? 'field' : 'ident';
      tokens.push({ k, v: word });
      i += word.length;
    }
  }
  return tokens;
}

function fieldPath(text: string): string[] {
  return text.split('.').filter((s) => s !== '');
}

class ActionParser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  pipeline(): Pipeline {
    const commands: Command[] = [];
    for (;;) {
      const command: Operand[] = [];
      while (this.at < this.tokens.length && this.peek() !== '|' && this.peek() !== ')') command.push(this.operand());
      if (command.length === 0) throw new TemplateError('missing value for command');
      commands.push(command);
      if (this.peek() !== '|') return commands;
      this.at++;
    }
  }

  done(): boolean {
    return this.at >= this.tokens.length;
  }

  private peek(): string | undefined {
    return this.tokens[this.at]?.k;
  }

  private operand(): Operand {
    const tok = this.tokens[this.at++];
    if (!tok) throw new TemplateError('unexpected end of action');
    if (tok.k === '(') {
      const pipe = this.pipeline();
      if (this.tokens[this.at++]?.k !== ')') throw new TemplateError('unclosed left paren');
      const next = this.tokens[this.at];
      const path = next?.k === 'field' && next.v !== '.' ? (this.at++, fieldPath(next.v)) : [];
      return { t: 'sub', pipe, path };
    }
    if (!('v' in tok)) throw new TemplateError(`unexpected "${tok.k}"`);
    return this.word(tok);
  }

  private word(tok: Extract<Token, { v: string }>): Operand {
    if (tok.k === 'str') return { t: 'literal', value: tok.v };
    if (tok.k === 'num') return { t: 'literal', value: Number(tok.v) };
    if (tok.k === 'field') return { t: 'field', root: false, path: fieldPath(tok.v) };
    if (tok.k === 'var') {
      if (tok.v !== '$' && !tok.v.startsWith('$.')) throw new TemplateError(`template variables are not supported: ${tok.v}`);
      return { t: 'field', root: true, path: fieldPath(tok.v.slice(1)) };
    }
    if (tok.v === 'true' || tok.v === 'false') return { t: 'literal', value: tok.v === 'true' };
    if (tok.v === 'nil') return { t: 'literal', value: null };
    return { t: 'ident', name: tok.v };
  }
}

function parsePipeline(src: string): Pipeline {
  const parser = new ActionParser(tokenize(src));
  const pipe = parser.pipeline();
  if (!parser.done()) throw new TemplateError('unexpected ")" in action');
  return pipe;
}

/** Splits a template into text and action nodes, nesting `if` blocks. */
export function parseTemplate(text: string): TemplateNode[] {
  type Frame = { branches: Array<{ cond: Pipeline; body: TemplateNode[] }>; otherwise?: TemplateNode[] };
  const root: TemplateNode[] = [];
  const stack: Frame[] = [];
  const target = (): TemplateNode[] => {
    const top = stack[stack.length - 1];
    if (!top) return root;
    return top.otherwise ?? (top.branches[top.branches.length - 1]?.body as TemplateNode[]);
  };
  let i = 0;
  let trimNext = false;
  while (i <= text.length) {
    const open = text.indexOf('{{', i);
    let chunk = text.slice(i, open < 0 ? text.length : open);
    if (trimNext) chunk = chunk.replace(/^\s+/, '');
    const trimBefore = open >= 0 && /^\{\{- /.test(text.slice(open, open + 4));
    if (trimBefore) chunk = chunk.replace(/\s+$/, '');
    if (chunk) target().push({ t: 'text', text: chunk });
    if (open < 0) break;
    const close = findClose(text, open + 2);
    let inner = text.slice(open + 2, close);
    if (trimBefore) inner = inner.slice(1);
    trimNext = / -$/.test(inner);
    if (trimNext) inner = inner.slice(0, -2);
    inner = inner.trim();
    i = close + 2;
    if (inner.startsWith('/*')) continue;
    const keyword = /^([a-z]+)\b/.exec(inner)?.[1] ?? '';
    if (unsupported.has(keyword)) throw new TemplateError(`"{{${keyword}}}" is not supported`);
    if (keyword === 'if') stack.push({ branches: [{ cond: parsePipeline(inner.slice(2)), body: [] }] });
    else if (keyword === 'else') {
      const top = stack[stack.length - 1];
      if (!top || top.otherwise) throw new TemplateError('unexpected {{else}}');
      const rest = inner.slice(4).trim();
      if (rest.startsWith('if ')) top.branches.push({ cond: parsePipeline(rest.slice(3)), body: [] });
      else if (rest === '') top.otherwise = [];
      else throw new TemplateError(`"{{else ${rest}}}" is not supported`);
    } else if (keyword === 'end') {
      const top = stack.pop();
      if (!top) throw new TemplateError('unexpected {{end}}');
      target().push({ t: 'if', branches: top.branches, otherwise: top.otherwise ?? [] });
    } else target().push({ t: 'action', pipe: parsePipeline(inner) });
  }
  if (stack.length > 0) throw new TemplateError('unexpected EOF: {{if}} without {{end}}');
  return root;
}

function findClose(text: string, from: number): number {
  let quote: string | undefined;
  for (let j = from; j < text.length - 1; j++) {
    const c = text[j];
    if (quote) {
      if (c === '\\' && quote === '"') j++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === '`') quote = c;
    else if (c === '}' && text[j + 1] === '}') return j;
  }
  throw new TemplateError('unclosed action');
}
