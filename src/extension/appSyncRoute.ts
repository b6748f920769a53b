import * as vscode from 'vscode';
import type { KubeObject, Logger } from '../core/ports';
import type { AppModel } from '../core/repo/model';
import type { KubeClient } from '../node/kubeClient';
import { guardSync } from './apps/contextGuard';
import type { ArgoStatusService } from './argoStatus';
import type { RepoService } from './repoService';
import type { SyncModeMemory } from './syncModes';

export interface AppSyncDeps {
  readonly repo: RepoService;
  readonly argo: ArgoStatusService;
  readonly modes: SyncModeMemory;
  readonly logger: Logger;
}

/** Where an editor sync goes: applied directly, through Argo CD, or nowhere (refused or dismissed; the user was told). */
export type SyncRoute =
  | { readonly kind: 'direct'; readonly app: AppModel | undefined; readonly aroundArgo?: true }
  | { readonly kind: 'argo'; readonly app: AppModel; readonly application: KubeObject }
  | { readonly kind: 'stop' };

// Set once by the services (appServices.ts): the sync commands are also called from the diff
// panel, which knows nothing of the repo model.
let deps: AppSyncDeps | undefined;

export function registerAppSync(d: AppSyncDeps): vscode.Disposable {
  deps = d;
  return { dispose: () => (deps = deps === d ? undefined : deps) };
}

/** The repo model and Argo CD status as registered (undefined before the services start): the rollback uses them too. */
export function appSyncDeps(): AppSyncDeps | undefined {
  return deps;
}

/**
 * The context guard, then the sync mode. An app syncs only to the context its destination
 * resolves to: elsewhere the sync is refused, plainly, with a way to switch (never applied).
 * Where the connected cluster holds the app's Application, Sync goes through Argo CD unless
 * the user chose (once per app, remembered) to apply directly.
 */
export async function routeSync(kube: KubeClient, dir: string, appName?: string): Promise<SyncRoute> {
  if (!deps) return { kind: 'direct', app: undefined };
  await deps.repo.start();
  const named = appName ? deps.repo.app(appName) : undefined;
  const verdict = guardSync(named ? [named] : deps.repo.appsFor(dir), kube.contextName);
  if (verdict.kind === 'wrongContext') {
    deps.logger.warn(`sync refused: ${verdict.message}`);
    const switchTo = `Switch to ${verdict.context}`;
    void vscode.window.showWarningMessage(`Driftline: ${verdict.message}`, switchTo).then(async (choice) => {
      if (choice === switchTo) await vscode.workspace.getConfiguration('driftline').update('context', verdict.context, vscode.ConfigurationTarget.Workspace);
    });
    return { kind: 'stop' };
  }
  if (verdict.kind === 'noContext') {
    deps.logger.warn(`sync refused: ${verdict.message}`);
    void vscode.window.showErrorMessage(`Driftline: ${verdict.message}`, 'Open Settings').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'driftline.contextMappings');
    });
    return { kind: 'stop' };
  }
  const app = verdict.app;
  if (!app) return { kind: 'direct', app: undefined };
  const application = await deps.argo.application(app, kube);
  if (!application) return { kind: 'direct', app };
  const mode = await deps.modes.choose(app.name, kube.contextName);
  if (!mode) return { kind: 'stop' };
  return mode === 'argo' ? { kind: 'argo', app, application } : { kind: 'direct', app, aroundArgo: true };
}

/** The confirmation's note for a direct sync of an app Argo CD manages. */
export function routeNotes(route: SyncRoute): string[] {
  return route.kind === 'direct' && route.aroundArgo
    ? [`Argo CD manages ${route.app?.name ?? 'this app'}: this applies around it (you chose direct apply; Driftline: Forget Sync Mode Choices asks again), and Argo CD may revert it${route.app?.syncPolicy.selfHeal ? ' (self-heal is on)' : ''}.`]
    : [];
}
