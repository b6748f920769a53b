import { formatValue, isEmpty, templateFuncs } from './goTemplateFuncs';
import { parseTemplate, TemplateError, type Command, type Operand, type Pipeline, type TemplateNode } from './goTemplateParse';

export interface GoTemplateOptions {
  /** ApplicationSet `goTemplateOptions: ["missingkey=error"]`: a missing key fails instead of printing `<no value>`. */
  readonly missingKeyError?: boolean;
}

/** Renders one Go-template string against `data`; throws TemplateError for what it cannot do. */
export function renderGoTemplate(text: string, data: unknown, options: GoTemplateOptions = {}): string {
  if (!text.includes('{{')) return text;
  return new Evaluator(data, options).nodes(parseTemplate(text));
}

const missing = Symbol('missing');

class Evaluator {
  constructor(
    private readonly data: unknown,
    private readonly options: GoTemplateOptions,
  ) {}

  nodes(nodes: readonly TemplateNode[]): string {
    let out = '';
    for (const node of nodes) {
      if (node.t === 'text') out += node.text;
      else if (node.t === 'action') out += formatValue(this.finish(this.pipeline(node.pipe)));
      else {
        const branch = node.branches.find((b) => !isEmpty(this.finish(this.pipeline(b.cond))));
        out += this.nodes(branch ? branch.body : node.otherwise);
      }
    }
    return out;
  }

  private finish(v: unknown): unknown {
    return v === missing ? undefined : v;
  }

  private pipeline(pipe: Pipeline): unknown {
    let piped: unknown = missing;
    let first = true;
    for (const command of pipe) {
      piped = this.command(command, first ? [] : [piped]);
      first = false;
    }
    return piped;
  }

  private command(command: Command, piped: unknown[]): unknown {
    const [head, ...rest] = command;
    if (!head) throw new TemplateError('empty command');
    if (head.t === 'ident') {
      const fn = Object.prototype.hasOwnProperty.call(templateFuncs, head.name) ? templateFuncs[head.name] : undefined;
      if (!fn) throw new TemplateError(`function "${head.name}" not defined`);
      const args = [...rest.map((o) => this.finish(this.operand(o))), ...piped.map((p) => this.finish(p))];
      return fn(...args);
    }
    if (rest.length > 0 || piped.length > 0) throw new TemplateError(`can't give argument to non-function ${describe(head)}`);
    return this.operand(head);
  }

  private operand(o: Operand): unknown {
    switch (o.t) {
      case 'literal':
        return o.value;
      case 'ident':
        return this.command([o], []);
      case 'field':
        return this.walk(this.data, o.path);
      case 'sub':
        return this.walk(this.finish(this.pipeline(o.pipe)), o.path);
    }
  }

  private walk(from: unknown, path: readonly string[]): unknown {
    let v = from;
    for (const key of path) {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) {
        if (v === undefined || v === missing) return missing;
        throw new TemplateError(`can't evaluate field ${key} in type ${Array.isArray(v) ? 'slice' : typeof v}`);
      }
      if (!(key in v)) {
        if (this.options.missingKeyError) throw new TemplateError(`map has no entry for key "${key}"`);
        return missing;
      }
      v = (v as Record<string, unknown>)[key];
    }
    return v;
  }
}

function describe(o: Operand): string {
  if (o.t === 'field') return `${o.root ? '$' : ''}.${o.path.join('.')}`;
  if (o.t === 'literal') return JSON.stringify(o.value);
  return '(...)';
}
