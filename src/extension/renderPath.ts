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
import { withDestinationNamespace } from './apps/destinationNamespace';

// `driftline.renderer`: the editor's renders through `kustomize build` or `kubectl kustomize`
// (the core's external renderer path, as the CLI's `--renderer`), for remote bases and
// helmCharts the in-process engine does not fetch. Provenance is then per resource: hints sit
// on the kustomization, not the exact line. External processes read the saved files, so
// unsaved edits show once saved. In an untrusted workspace no binary runs: in-process it is.

let toldUntrusted = false;
/** The Argo CD app that deploys a directory (set by appServices.ts from the repo model). */
let appFor: (dir: string) => AppModel | undefined = () => undefined;

export function registerAppLookup(lookup: (dir: string) => AppModel | undefined): vscode.Disposable {
  appFor = lookup;
  return { dispose: () => (appFor = appFor === lookup ? () => undefined : appFor) };
}
const runner = new NodeProcessRunner(60_000);

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
    options: undefined,
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
  const inProcess = await render(new DiskFileSystem(), dir);
  const configured = await withConfiguredRenderer(dir, { rendered: inProcess.ok ? inProcess.value : undefined, errors: inProcess.ok ? [] : inProcess.error }, logger);
  return configured.rendered ? { ok: true, value: configured.rendered } : { ok: false, error: [...configured.errors] };
}
