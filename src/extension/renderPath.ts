import * as vscode from 'vscode';
import type { RenderResult } from '../core/kustomize/render';
import { Provenance } from '../core/provenance';
import type { Logger } from '../core/ports';
import { asRenderResult } from '../core/repo/render/asRenderResult';
import { renderKustomize } from '../core/repo/render/kustomizeSource';
import { render } from '../core/kustomize/render';
import type { Diagnostic, Result } from '../core/result';
import { DiskFileSystem } from '../node/diskFileSystem';
import { NodeProcessRunner } from '../node/processRunner';
import { readSettings } from './settings';
import type { AppModel } from '../core/repo/model';
import type { IgnoreRule } from '../core/diff/ignoreRules';
import { trackingIdFor } from '../core/repo/trackingIdentity';
import { withDestinationNamespace } from './apps/destinationNamespace';
import { DeployedRenders, appRenderKey, kustomizeSourceOf } from './apps/deployedRender';
import { ignoreRulesWith } from './apps/appIgnoreRules';
import { BufferFileSystem } from './bufferFileSystem';
import type { RenderClient, RenderedOverlay } from './worker/renderClient';

// `driftline.renderer`: the editor's renders through `kustomize build` or `kubectl kustomize`
// (the core's external renderer path, as the CLI's `--renderer`), for remote bases and
// helmCharts the in-process engine does not fetch. Provenance is then per resource: hints sit
// on the kustomization, not the exact line. External processes read the saved files, so
// unsaved edits show once saved. In an untrusted workspace no binary runs: in-process it is.
// Where an Argo CD Application deploys the directory, every render (hints, Sync) is what Argo CD
// deploys: the Application's kustomize options applied, its destination namespace filled in.

let toldUntrusted = false;
/** The Argo CD app that deploys a directory (set by appServices.ts from the repo model). */
let appFor: (dir: string) => AppModel | undefined = () => undefined;

export function registerAppLookup(lookup: (dir: string) => AppModel | undefined): vscode.Disposable {
  appFor = lookup;
  return { dispose: () => (appFor = appFor === lookup ? () => undefined : appFor) };
}
const runner = new NodeProcessRunner(60_000);

/** The Application's kustomize options for `dir`, with the app, where one deploys it. */
function argoOptionsFor(dir: string): { app: AppModel; source: NonNullable<ReturnType<typeof kustomizeSourceOf>> } | undefined {
  const app = appFor(dir);
  const source = app && kustomizeSourceOf(app, dir);
  return app && source ? { app, source } : undefined;
}

const deployed = new WeakMap<RenderClient, DeployedRenders>();
const trackingIds = new Map<string, Promise<string>>();
/** Per directory, what of its app the last render started with (apps/deployedRender.ts appRenderKey). */
const renderedWith = new Map<string, string>();

/**
 * Directories whose last render (finished or still running) started with other app settings than
 * the repo model now has: an Application appeared, changed its options or ignoreDifferences.
 */
export function staleAppRenders(): string[] {
  return [...renderedWith].filter(([dir, key]) => key !== appRenderKey(appFor(dir), dir)).map(([dir]) => dir);
}

/**
 * The worker's render of `dir` as Argo CD deploys it: with the deploying Application's
 * kustomize options applied (apps/deployedRender.ts), unsaved buffers included.
 */
export function renderDeployed(renders: RenderClient, dir: string, options: { readonly known: boolean; readonly urgent: boolean }): Promise<RenderedOverlay | undefined> {
  let forClient = deployed.get(renders);
  if (!forClient) {
    const trackingIdOf = (d: string): Promise<string> => {
      let id = trackingIds.get(d);
      if (!id) trackingIds.set(d, (id = trackingIdFor(new DiskFileSystem(), d)));
      return id;
    };
    deployed.set(renders, (forClient = new DeployedRenders({ renders, fs: new BufferFileSystem(), appFor: (d) => appFor(d), trackingIdOf })));
  }
  renderedWith.set(dir, appRenderKey(appFor(dir), dir));
  return forClient.render(dir, options);
}

/** What the diff of `dir` ignores: the global setting's rules, and those of the Application deploying it. */
export function ignoreRulesFor(dir: string, global: readonly IgnoreRule[]): readonly IgnoreRule[] {
  return ignoreRulesWith(global, appFor(dir));
}

/**
 * The render to diff for `dir`: `inProcess` (the drift controller's own render, which also
 * tells which files the overlay reads) unless the setting asks for an external renderer.
 */
export async function withConfiguredRenderer<T extends { readonly rendered: RenderResult | undefined; readonly errors: readonly Diagnostic[] }>(dir: string, inProcess: T, logger: Logger): Promise<T> {
  const chosen = await configuredRender(dir, inProcess, logger);
  // Where an Application deploys the directory, objects without a namespace land in its destination's.
  const app = appFor(dir);
  return app && chosen.rendered ? { ...chosen, rendered: withDestinationNamespace(chosen.rendered, app) } : chosen;
}

async function configuredRender<T extends { readonly rendered: RenderResult | undefined; readonly errors: readonly Diagnostic[] }>(dir: string, inProcess: T, logger: Logger): Promise<T> {
  const settings = readSettings();
  if (settings.renderer === 'in-process') return inProcess;
  if (!vscode.workspace.isTrusted) {
    if (!toldUntrusted) {
      toldUntrusted = true;
      void vscode.window.showWarningMessage(`Driftline: this workspace is not trusted, so the "${settings.renderer}" renderer (an external binary) does not run; rendering in-process instead.`);
    }
    return inProcess;
  }
  const result = await renderKustomize({
    fs: new DiskFileSystem(),
    dir,
    options: argoOptionsFor(dir)?.source.options,
    mode: settings.renderer,
    runner,
    ...(settings.kustomizePath ? { kustomizeBinary: settings.kustomizePath } : {}),
  });
  if (result.status === 'rendered') return { ...inProcess, rendered: perResourceProvenance(asRenderResult(result), settings.renderer), errors: [] };
  logger.warn(`${settings.renderer} render of ${dir} failed: ${result.message}`);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  return { ...inProcess, rendered: undefined, errors: errors.length > 0 ? errors : [{ file: dir, line: 0, column: 0, message: result.message, severity: 'error' }], ...('diffs' in inProcess ? { diffs: [] } : {}) };
}

/**
 * An external render knows only which kustomization each object came from (line unknown):
 * every field of an object is attributed to line 1 of that file, so hints, hovers and CodeLens
 * still find a place, one per resource rather than on the exact line.
 */
function perResourceProvenance(rendered: RenderResult, renderer: string): RenderResult {
  const provenance = new Provenance();
  const resources = rendered.resources.map((r) => {
    const origin = { file: r.origin.file, line: Math.max(1, r.origin.line), column: Math.max(1, r.origin.column) };
    for (const key of Object.keys(r.object)) provenance.record(r.object, key, { ...origin, operation: renderer });
    return { ...r, origin };
  });
  return { ...rendered, resources, provenance };
}

/** What Sync applies for `dir`: the saved files (what Git will hold), through the same renderer the hints use. */
export async function renderForSync(dir: string, logger: Logger): Promise<Result<RenderResult>> {
  const inProcess = await renderSaved(dir);
  const configured = await withConfiguredRenderer(dir, { rendered: inProcess.ok ? inProcess.value : undefined, errors: inProcess.ok ? [] : inProcess.error }, logger);
  return configured.rendered ? { ok: true, value: configured.rendered } : { ok: false, error: [...configured.errors] };
}

/** The saved files' in-process render, with the deploying Application's kustomize options as the hints have them. */
async function renderSaved(dir: string): Promise<Result<RenderResult>> {
  const argo = argoOptionsFor(dir);
  if (!argo) return render(new DiskFileSystem(), dir);
  const result = await renderKustomize({ fs: new DiskFileSystem(), dir, options: argo.source.options, mode: 'in-process', application: { app: argo.app, sourceIndex: argo.source.index } });
  if (result.status === 'rendered') return { ok: true, value: asRenderResult(result) };
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  return { ok: false, error: errors.length > 0 ? errors : [{ file: argo.app.location.file, line: argo.app.location.line, column: argo.app.location.column, message: result.message, severity: 'error' }] };
}
