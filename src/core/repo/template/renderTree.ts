import type { Provenance, SourceLocation } from '../../provenance';
import { renderGoTemplate } from './goTemplate';
import { TemplateError } from './goTemplateParse';
import { renderFastTemplate, type FlatParams } from './fastTemplate';

export interface TreeTemplateOptions {
  readonly goTemplate: boolean;
  readonly missingKeyError: boolean;
  /** Positions of the original fields, to say where a failing template string was written. */
  readonly provenance?: Provenance;
}

/** A template failure with the position of the string that failed. */
export class LocatedTemplateError extends Error {
  constructor(
    message: string,
    readonly location: SourceLocation | undefined,
  ) {
    super(message);
  }
}

/**
 * Renders every string (and map key) of `value`, leaving its shape. Argo CD renders the
 * template's JSON text as a whole; rendering strings one by one gives the same result for
 * templates that stay inside strings, which are the ones that also stay valid YAML.
 */
export function renderTree(value: unknown, params: Readonly<Record<string, unknown>>, options: TreeTemplateOptions): unknown {
  const render = (text: string, parent: object | undefined, key: string | number | undefined): string => {
    try {
      return options.goTemplate ? renderGoTemplate(text, params, { missingKeyError: options.missingKeyError }) : renderFastTemplate(text, params as FlatParams);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      const at = parent !== undefined && key !== undefined ? options.provenance?.of(parent, key)[0] : undefined;
      throw new LocatedTemplateError(`template ${JSON.stringify(text)}: ${e.message}`, at);
    }
  };
  const walk = (node: unknown, parent: object | undefined, key: string | number | undefined): unknown => {
    if (typeof node === 'string') return render(node, parent, key);
    if (Array.isArray(node)) return node.map((item, i) => walk(item, node, i));
    if (node !== null && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) out[render(k, node, k)] = walk(v, node, k);
      return out;
    }
    return node;
  };
  return walk(value, undefined, undefined);
}
