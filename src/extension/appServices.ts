import * as vscode from 'vscode';
import type { Logger } from '../core/ports';
import type { DriftController } from './driftController';
import { ArgoStatusService } from './argoStatus';
import { registerAppSync } from './appSyncRoute';
import { registerAppLookup, staleAppRenders } from './renderPath';
import { needsDestinationNamespace } from './apps/destinationNamespace';
import { chooseApp } from './apps/chooseApp';
import type { AppModel } from '../core/repo/model';
import { RepoService } from './repoService';
import { SyncModeMemory } from './syncModes';
import { AppsTree } from './views/appsTree';

// The repo model in the editor: which Argo CD app deploys which overlay where, what Argo CD
// thinks of it, and how Sync reaches it. Started by services.ts with the drift controller.

export interface AppServices extends vscode.Disposable {
  readonly repo: RepoService;
  readonly argo: ArgoStatusService;
  readonly appsTree: AppsTree;
  /** Handlers of the commands this part contributes, by id. */
  readonly commands: Readonly<Record<string, (...args: unknown[]) => unknown>>;
}

export function startAppServices(context: vscode.ExtensionContext, drift: DriftController, logger: Logger): AppServices {
  const repo = new RepoService(logger, drift.renderWorker);
  const argo = new ArgoStatusService(drift, repo, logger);
  const modes = new SyncModeMemory(context.workspaceState);
  const appsTree = new AppsTree(drift, repo, argo);
  const connectedContext = (): string | undefined => (drift.connection.kind === 'connected' ? drift.connection.context : undefined);
  // The app for a directory: the one deploying to the connected context, else the first by name (apps/chooseApp.ts).
  const told = new Map<string, string>();
  const lookup = (dir: string): AppModel | undefined => {
    const { app, note } = chooseApp(repo.appsFor(dir), dir, connectedContext());
    if (note && told.get(dir) !== note) logger.info(note);
    if (note) told.set(dir, note);
    return app;
  };
  const registration = vscode.Disposable.from(
    registerAppSync({ repo, argo, modes, logger }),
    registerAppLookup(lookup),
  );
  // The services load on first need (never inside activate), so discovery may start now.
  repo.start().catch((e: unknown) => logger.error(`repo model: ${e instanceof Error ? e.message : String(e)}`));
  // Overlays rendered before their Application was known (or since it changed) put objects
  // without a namespace into the wrong one, or miss its kustomize options and ignoreDifferences:
  // render (and diff) those again (renderPath.ts applies them; a render still running counts too).
  // Only those: a full refresh would re-render and re-diff every overlay of a large repo.
  const modelChanged = repo.onDidChange(() => {
    const stale = new Set(staleAppRenders());
    for (const o of drift.all) if (o.rendered && repo.appsFor(o.dir).some((a) => o.rendered && needsDestinationNamespace(o.rendered, a))) stale.add(o.dir);
    if (stale.size > 0) void drift.rerender([...stale]);
  });
  // Another connected context can mean another app for an overlay several deploy (chooseApp.ts).
  let lastContext = connectedContext();
  const contextChanged = drift.onDidChange(() => {
    if (connectedContext() === lastContext) return;
    lastContext = connectedContext();
    const stale = staleAppRenders();
    if (stale.length > 0) void drift.rerender(stale);
  });
  // Another renderer (renderPath.ts) renders everything anew.
  const rendererChanged = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('driftline.renderer') || e.affectsConfiguration('driftline.kustomizePath')) void drift.refresh();
  });
  const disposable = vscode.Disposable.from(registration, appsTree, argo, repo, rendererChanged, modelChanged, contextChanged);
  context.subscriptions.push(disposable);
  return {
    repo,
    argo,
    appsTree,
    commands: {
      'driftline.apps.toggleGroupBy': () => toggleGroupBy(),
      'driftline.forgetSyncModes': async () => {
        const count = await modes.forget();
        void vscode.window.showInformationMessage(`Driftline: forgot the sync mode of ${count} app${count === 1 ? '' : 's'}; the next Sync of an Argo CD app asks again.`);
      },
    },
    dispose: () => disposable.dispose(),
  };
}

async function toggleGroupBy(): Promise<void> {
  const config = vscode.workspace.getConfiguration('driftline');
  const next = config.get<string>('apps.groupBy') === 'cluster' ? 'environment' : 'cluster';
  const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('apps.groupBy', next, target);
}
