import type { FileSystem, ProcessRunner } from '../../ports';
import { join } from '../../paths';
import { diagnostic, formatDiagnostic } from '../../result';
import { render } from '../../kustomize/render';
import { findKustomizationFile } from '../../kustomize/kustomization';
import type { AppModel, ArgoKustomizeOptions } from '../model';
import { argoOverlay, argoOverlayKustomization, hasKustomizeOptions, overlayDirFor } from './argoKustomizeOverlay';
import { attributeDiagnostics, attributedProvenance, type ApplicationAttribution } from './applicationAttribution';
import { countMessage, parseObjectStream, type AppRender, type DesiredObject } from './desiredObjects';
import { OverlayFileSystem } from './overlayFileSystem';

/** Which engine builds kustomizations: Driftline's own, or a `kustomize build` / `kubectl kustomize` process. */
export type RenderMode = 'in-process' | 'kustomize' | 'kubectl';

export interface KustomizeRenderInput {
  readonly fs: FileSystem;
  readonly dir: string;
  readonly options: ArgoKustomizeOptions | undefined;
  readonly mode: RenderMode;
  readonly runner?: ProcessRunner;
  readonly kustomizeBinary?: string;
  readonly kubectlBinary?: string;
  /** Extra flags for the external renderer, like Argo CD's `kustomize.buildOptions`. */
  readonly buildOptions?: readonly string[];
  /** The Application stating `options` (and which of its sources this is): what the options write is attributed to it. */
  readonly application?: { readonly app: Pick<AppModel, 'location' | 'sources'>; readonly sourceIndex: number };
}

async function inProcess(fs: FileSystem, dir: string): Promise<AppRender> {
  const result = await render(fs, dir);
  if (!result.ok) return { kind: 'kustomize', status: 'error', message: formatDiagnostic(result.error[0] ?? diagnostic(dir, 'render failed')), objects: [], diagnostics: result.error };
  const objects: DesiredObject[] = result.value.resources.map((r) => ({ object: r.object, origin: r.origin }));
  return { kind: 'kustomize', status: 'rendered', message: countMessage(objects.length), objects, provenance: result.value.provenance, diagnostics: [...result.value.warnings] };
}

async function external(input: KustomizeRenderInput): Promise<{ text?: string; failed?: AppRender }> {
  const command = input.mode === 'kustomize' ? (input.kustomizeBinary ?? 'kustomize') : (input.kubectlBinary ?? 'kubectl');
  const args = input.mode === 'kustomize' ? ['build', input.dir, ...(input.buildOptions ?? [])] : ['kustomize', input.dir, ...(input.buildOptions ?? [])];
  const fail = (message: string): { failed: AppRender } => ({ failed: { kind: 'kustomize', status: 'error', message, objects: [], diagnostics: [diagnostic(input.dir, message)] } });
  if (!input.runner) return fail(`${command} cannot run: no process runner`);
  try {
    const result = await input.runner.run(command, args, { cwd: input.dir });
    if (result.code !== 0) return fail(`${command} ${args[0] ?? ''} failed: ${result.stderr.trim().split('\n')[0] ?? `exit ${result.code}`}`);
    return { text: result.stdout };
  } catch (e) {
    return fail(`${command} not found (${e instanceof Error ? e.message : String(e)})`);
  }
}

/**
 * A kustomize source with Argo CD's options applied the way `kustomize edit` would: as a
 * virtual overlay next to the app directory (in memory only). With an external renderer
 * the process builds the app directory and the options layer onto its output; every
 * object then points at the app's kustomization file, the only position known.
 */
export async function renderKustomize(input: KustomizeRenderInput): Promise<AppRender> {
  const { fs, dir, options } = input;
  const overlayDir = overlayDirFor(dir);
  if (input.mode === 'in-process') {
    if (!hasKustomizeOptions(options)) return inProcess(fs, dir);
    const overlay = await argoOverlay(fs, dir, options);
    const rendered = await inProcess(new OverlayFileSystem(fs, { [overlay.file]: overlay.text }), overlay.dir);
    return input.application ? attributed(rendered, { overlayFile: overlay.file, overlayText: overlay.text, ...input.application, appText: await fs.readFile(input.application.app.location.file) }) : rendered;
  }
  const built = await external(input);
  if (built.failed) return built.failed;
  let kfile: string | undefined;
  try {
    kfile = await findKustomizationFile(fs, dir);
  } catch {
    kfile = undefined;
  }
  const origin = { file: kfile ?? dir, line: 0, column: 0 };
  if (!hasKustomizeOptions(options)) {
    const parsed = parseObjectStream(built.text ?? '', () => origin);
    if (parsed.error) return { kind: 'kustomize', status: 'error', message: parsed.error, objects: [], diagnostics: [diagnostic(origin.file, parsed.error)] };
    return { kind: 'kustomize', status: 'rendered', message: countMessage(parsed.objects.length), objects: parsed.objects, diagnostics: [] };
  }
  const text = await argoOverlayKustomization(fs, dir, ['rendered.yaml'], options);
  const virtual = new OverlayFileSystem(fs, { [join(overlayDir, 'kustomization.yaml')]: text, [join(overlayDir, 'rendered.yaml')]: built.text ?? '' });
  const layered = await inProcess(virtual, overlayDir);
  // Field positions would point into the virtual file: keep only per-resource origins.
  return { ...layered, objects: layered.objects.map((o) => ({ object: o.object, origin })), provenance: undefined };
}

/** What the virtual overlay wrote, and what it got wrong, located in the Application. */
function attributed(rendered: AppRender, input: ApplicationAttribution): AppRender {
  const diagnostics = attributeDiagnostics(rendered.diagnostics, input);
  const provenance = rendered.provenance && attributedProvenance(rendered.provenance, rendered.objects.map((o) => o.object), input);
  const message = rendered.status === 'error' && diagnostics[0] ? formatDiagnostic(diagnostics[0]) : rendered.message;
  return { ...rendered, message, diagnostics, ...(provenance ? { provenance } : {}) };
}
