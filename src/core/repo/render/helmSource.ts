import type { ProcessRunner } from '../../ports';
import { join, normalize } from '../../paths';
import { diagnostic } from '../../result';
import type { AppSource } from '../model';
import { countMessage, parseObjectStream, type AppRender } from './desiredObjects';

export interface HelmRenderInput {
  readonly source: AppSource & { readonly dir: string };
  readonly releaseName: string;
  readonly namespace: string | undefined;
  /** `$ref` names of sibling sources in this repo → their directories (multi-source value files). */
  readonly refDirs: Readonly<Record<string, string>>;
  readonly runner: ProcessRunner | undefined;
  readonly helm: string | undefined;
}

export const helmNotFound = 'not rendered: helm not found';

/**
 * `helm template` as Argo CD's repo-server runs it: release name, namespace, CRDs
 * included, value files relative to the chart (or `$ref/…` into another source), inline
 * values through stdin, parameters as --set / --set-string. Helm reads the chart from
 * disk, so unsaved editor buffers in a chart do not show here.
 */
export async function renderHelm(input: HelmRenderInput): Promise<AppRender> {
  const { source } = input;
  if (!input.runner || !input.helm) return { kind: 'helm', status: 'not-rendered', message: helmNotFound, objects: [], diagnostics: [] };
  const args = ['template', input.releaseName, source.dir, '--include-crds'];
  if (input.namespace) args.push('--namespace', input.namespace);
  const helm = source.helm;
  for (const file of helm?.valueFiles ?? []) {
    const ref = /^\$([^/]+)\/(.*)$/.exec(file);
    const refDir = ref ? input.refDirs[ref[1] ?? ''] : undefined;
    if (ref && !refDir) return { kind: 'helm', status: 'not-rendered', message: `not rendered: value file ${file} is in another repository`, objects: [], diagnostics: [] };
    args.push('--values', refDir ? join(refDir, ref?.[2] ?? '') : normalize(join(source.dir, file)));
  }
  if (helm?.values) args.push('--values', '-');
  for (const p of helm?.parameters ?? []) args.push(p.forceString ? '--set-string' : '--set', `${p.name}=${p.value}`);
  let result;
  try {
    result = await input.runner.run(input.helm, args, { cwd: source.dir, ...(helm?.values ? { input: helm.values } : {}) });
  } catch (e) {
    const why = diagnostic(join(source.dir, 'Chart.yaml'), `cannot run ${input.helm}: ${e instanceof Error ? e.message : String(e)}`, undefined, 'warning');
    return { kind: 'helm', status: 'not-rendered', message: helmNotFound, objects: [], diagnostics: [why] };
  }
  const chartFile = join(source.dir, 'Chart.yaml');
  if (result.code !== 0) {
    const message = `helm template failed: ${result.stderr.trim().split('\n').pop() ?? `exit ${result.code}`}`;
    return { kind: 'helm', status: 'error', message, objects: [], diagnostics: [diagnostic(chartFile, message)] };
  }
  // `# Source: <chart>/templates/x.yaml`: the first segment is the chart's name, not a directory.
  const parsed = parseObjectStream(result.stdout, (src) => ({ file: src ? join(source.dir, src.split('/').slice(1).join('/')) : chartFile, line: 1, column: 1 }));
  if (parsed.error) return { kind: 'helm', status: 'error', message: parsed.error, objects: [], diagnostics: [diagnostic(chartFile, parsed.error)] };
  return { kind: 'helm', status: 'rendered', message: countMessage(parsed.objects.length), objects: parsed.objects, diagnostics: [] };
}
