import type { Provenance, SourceLocation } from '../provenance';
import { diagnostic, type Diagnostic } from '../result';
import { generate } from './generators/generate';
import type { GeneratorContext } from './generators/generatorTypes';
import { LocatedTemplateError, renderTree } from './template/renderTree';
import { list, meta, record, stringList } from './values';

export interface GeneratedApplication {
  readonly object: Record<string, unknown>;
  readonly location: SourceLocation;
}

export type AppSetContext = Omit<GeneratorContext, 'goTemplate' | 'missingKeyError' | 'at' | 'diagnostics'> & { readonly provenance: Provenance };

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const prev = out[k];
    const bothMaps = prev !== null && typeof prev === 'object' && !Array.isArray(prev) && v !== null && typeof v === 'object' && !Array.isArray(v);
    out[k] = bothMaps ? deepMerge(prev as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

/**
 * The Applications an ApplicationSet generates from what the repo holds. Each generator
 * entry yields parameter sets; each set renders the template (merged with the entry's own
 * `template`, which Argo CD lets override). A template that fails is a located diagnostic
 * for that one set; the others still come out.
 */
export async function expandApplicationSet(object: Record<string, unknown>, location: SourceLocation, ctx: AppSetContext): Promise<{ apps: GeneratedApplication[]; diagnostics: Diagnostic[] }> {
  const spec = record(object['spec']);
  const name = meta(object).name;
  const diagnostics: Diagnostic[] = [];
  const goTemplate = spec['goTemplate'] === true;
  const missingKeyError = stringList(spec['goTemplateOptions']).includes('missingkey=error');
  const gctx: GeneratorContext = { ...ctx, goTemplate, missingKeyError, at: location, diagnostics };
  if (spec['templatePatch'] !== undefined) diagnostics.push(diagnostic(location.file, `ApplicationSet ${name}: templatePatch is not applied`, location, 'warning'));
  const template = record(spec['template']);
  const apps: GeneratedApplication[] = [];
  const seen = new Set<string>();
  for (const entry of list(spec['generators']).map(record)) {
    const override = record(entry['template']);
    const effective = Object.keys(override).length > 0 ? deepMerge(template, override) : template;
    let sets: Awaited<ReturnType<typeof generate>>;
    try {
      sets = await generate(entry, gctx);
    } catch (e) {
      if (!(e instanceof LocatedTemplateError)) throw e;
      diagnostics.push(diagnostic(location.file, `ApplicationSet ${name}: generator ${e.message}`, location));
      continue;
    }
    for (const params of sets) {
      try {
        const rendered = record(renderTree(effective, params, { goTemplate, missingKeyError, provenance: ctx.provenance }));
        const app = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: record(rendered['metadata']), spec: record(rendered['spec']) };
        const appName = meta(app).name;
        // Argo CD refuses the whole set on a duplicate name; reporting it and keeping the first is kinder offline.
        if (seen.has(appName)) {
          diagnostics.push(diagnostic(location.file, `ApplicationSet ${name} generates the application name "${appName}" more than once`, location));
          continue;
        }
        seen.add(appName);
        apps.push({ object: app, location });
      } catch (e) {
        if (!(e instanceof LocatedTemplateError)) throw e;
        diagnostics.push(diagnostic(e.location?.file ?? location.file, `ApplicationSet ${name}: ${e.message}`, e.location ?? location));
      }
    }
  }
  return { apps, diagnostics };
}
