// What Argo CD deploys from an overlay directory is not the directory alone: the Application's
// `spec.source.kustomize` options (images, namePrefix, replicas …) apply on top, as the CLI's
// renderApp applies them. The editor renders the same virtual overlay (argoKustomizeOverlay.ts)
// in the render worker, so unsaved edits in the overlay still show: the worker reads the
// overlay's buffers, and the virtual kustomization travels to it as one more buffer. What the
// options write is then attributed to the Application's lines (applicationAttribution.ts).
// Free of vscode: unit-tested with the real worker.
import type { FileSystem } from '../../core/ports';
import { isWithin, resolve } from '../../core/paths';
import type { AppModel, ArgoKustomizeOptions } from '../../core/repo/model';
import { attributeDiagnostics, attributeToApplication, type ApplicationAttribution } from '../../core/repo/render/applicationAttribution';
import { argoOverlay, hasKustomizeOptions } from '../../core/repo/render/argoKustomizeOverlay';
import type { RenderedOverlay } from '../worker/renderClient';
import { isRefOnlySource } from '../../core/repo/refOnlySource';

/** The render worker's side the editor's renders go through (worker/renderClient.ts). */
export interface OverlayRenders {
  setBuffer(path: string, text: string | undefined): void;
  render(dir: string, options: { readonly known: boolean; readonly urgent: boolean }): Promise<RenderedOverlay | undefined>;
}

export interface DeployedRenderOptions {
  readonly renders: OverlayRenders;
  /** Disk with the unsaved buffers: Application text and patch files as the user sees them. */
  readonly fs: FileSystem;
  /** The app whose options the editor uses for `dir` (renderPath.ts's lookup). */
  appFor(dir: string): AppModel | undefined;
  /** The overlay's own tracking id (the worker's would name the virtual directory). */
  trackingIdOf(dir: string): Promise<string>;
}

/** The kustomize options of the app's source that renders `dir`, and that source's index. */
export function kustomizeSourceOf(app: AppModel, dir: string): { readonly options: ArgoKustomizeOptions; readonly index: number } | undefined {
  const index = app.sources.findIndex((s) => s.dir === dir && !isRefOnlySource(s));
  const options = app.sources[index]?.kustomize;
  return index >= 0 && hasKustomizeOptions(options) ? { options, index } : undefined;
}

/** What Argo CD changes in the render and the diff of `dir`: its kustomize options and ignoreDifferences. */
export function appRenderSettings(app: AppModel, dir: string): string {
  return JSON.stringify([kustomizeSourceOf(app, dir)?.options ?? null, app.ignoreDifferences]);
}

/** What of an app changes the editor's render or diff of `dir`: when it changes, the overlay renders anew. */
export function appRenderKey(app: AppModel | undefined, dir: string): string {
  return app ? JSON.stringify([app.name, app.location, appRenderSettings(app, dir)]) : '';
}

/** The files the Application's `patches[].path` name: inlined into the virtual kustomization on this thread. */
function patchFiles(dir: string, options: ArgoKustomizeOptions): string[] {
  return (options.patches ?? []).map((p) => (p !== null && typeof p === 'object' ? (p as Record<string, unknown>)['path'] : undefined)).filter((p): p is string => typeof p === 'string').map((p) => resolve(dir, p));
}

interface Kept {
  /** The directory the worker rendered: the overlay's own, or its virtual Argo CD overlay. */
  readonly target: string;
  readonly raw?: RenderedOverlay;
  readonly appText?: string;
  readonly attribution?: string;
}

export class DeployedRenders {
  private readonly kept = new Map<string, Kept>();
  /** The virtual kustomization text last sent to the worker, per file. */
  private readonly sent = new Map<string, string>();

  constructor(private readonly options: DeployedRenderOptions) {}

  /**
   * The render the editor diffs for `dir`, like RenderClient.render: undefined when `known` and
   * nothing changed since the last one returned (neither the render nor the Application's text).
   */
  async render(dir: string, options: { readonly known: boolean; readonly urgent: boolean }): Promise<RenderedOverlay | undefined> {
    const { renders, fs } = this.options;
    const app = this.options.appFor(dir);
    const source = app && kustomizeSourceOf(app, dir);
    const previous = this.kept.get(dir);
    if (!app || !source) {
      this.kept.set(dir, { target: dir });
      // Switching back from the virtual overlay: the worker's last result for `dir` may be older than ours.
      return renders.render(dir, { ...options, known: options.known && previous?.target === dir });
    }
    const overlay = await argoOverlay(fs, dir, source.options);
    if (this.sent.get(overlay.file) !== overlay.text) {
      this.sent.set(overlay.file, overlay.text);
      renders.setBuffer(overlay.file, overlay.text);
    }
    const same = previous?.target === overlay.dir && previous.raw !== undefined;
    const fresh = await renders.render(overlay.dir, { ...options, known: options.known && same });
    const raw = fresh ?? (same ? previous?.raw : undefined);
    if (!raw) return undefined;
    const appText = await fs.readFile(app.location.file);
    const attribution = JSON.stringify([app.location, source.index]);
    // Same render and same Application text: nothing new. Otherwise (say the Application's lines moved) attributed anew.
    if (!fresh && options.known && previous?.appText === appText && previous?.attribution === attribution) return undefined;
    this.kept.set(dir, { target: overlay.dir, raw, ...(appText !== undefined ? { appText } : {}), attribution });
    const input: ApplicationAttribution = { overlayFile: overlay.file, overlayText: overlay.text, app, appText, sourceIndex: source.index };
    return {
      rendered: raw.rendered && attributeToApplication(raw.rendered, input),
      errors: attributeDiagnostics(raw.errors, input),
      // The Application and its patch files are read too (editing them re-renders); the virtual files are nobody's to open or commit.
      inputs: new Set([...[...raw.inputs].filter((p) => !isWithin(overlay.dir, p)), app.location.file, ...patchFiles(dir, source.options)]),
      trackingId: await this.options.trackingIdOf(dir),
    };
  }
}
