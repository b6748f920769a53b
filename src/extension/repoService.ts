import * as vscode from 'vscode';
import { discoverRepo } from '../core/repo/discover';
import type { AppModel, RepoModel } from '../core/repo/model';
import type { Logger } from '../core/ports';
import { loadKubeConfigContexts } from '../node/kubeContexts';
import { findOnPath, NodeProcessRunner } from '../node/processRunner';
import { appsRendering } from './apps/appEntries';
import { affectsRepoModel } from './apps/repoModelTriggers';
import { BufferFileSystem } from './bufferFileSystem';
import type { RenderClient } from './worker/renderClient';
import { readSettings } from './settings';

/** Quiet time (no file change, no keystroke) before a discovery runs. */
const discoveryIdleMs = 500;

/**
 * The repository as Argo CD sees it, per workspace folder: which Application deploys which
 * overlay where. Discovered through the same buffer-aware file system the drift controller
 * renders with, refreshed (debounced) when an Application, ApplicationSet or kustomization
 * changes, and when the context mapping or kubeconfig setting changes. Discovery reports
 * problems as diagnostics, so one broken app leaves the others listed.
 */
export class RepoService implements vscode.Disposable {
  private readonly models = new Map<string, RepoModel>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly fs = new BufferFileSystem();
  private started: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();
  /** Derived from `models`, dropped whenever a model changes. */
  private allApps: readonly AppModel[] | undefined;
  private byDir: Map<string, readonly AppModel[]> | undefined;

  /** `worker`: discovery runs there (a full-repo parse must not block the editor's thread); without one, here. */
  constructor(private readonly logger: Logger, private readonly worker?: RenderClient) {}

  /** Discovers once and starts following changes; later calls wait for the first discovery. */
  start(): Promise<void> {
    this.started ??= this.initialize();
    return this.started;
  }

  get apps(): readonly AppModel[] {
    return (this.allApps ??= [...this.models.values()].flatMap((m) => m.apps));
  }

  /** The apps that render `dir` (none for an overlay no Application names). */
  appsFor(dir: string): readonly AppModel[] {
    // Asked per overlay (hundreds) on every model change and status update: indexed once per model.
    this.byDir ??= new Map();
    let apps = this.byDir.get(dir);
    if (!apps) this.byDir.set(dir, (apps = appsRendering(this.apps, dir)));
    return apps;
  }

  app(name: string): AppModel | undefined {
    return this.apps.find((a) => a.name === name);
  }

  /** Re-discovers now (after a settings change, or when asked). */
  refresh(): Promise<void> {
    // Serialized: a discovery never overtakes a newer one's result.
    this.running = this.running.then(() => this.discoverAll());
    return this.running;
  }

  private async initialize(): Promise<void> {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*{.yaml,.yml,Kustomization}');
    const onFile = (uri: vscode.Uri, deleted = false): void => {
      if (uri.scheme !== 'file') return;
      void (deleted ? Promise.resolve(undefined) : this.fs.readFile(uri.fsPath)).then((text) => {
        if (affectsRepoModel(uri.fsPath, text, this.appFiles())) this.schedule();
      });
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate((u) => onFile(u)),
      watcher.onDidChange((u) => onFile(u)),
      watcher.onDidDelete((u) => onFile(u, true)),
      vscode.workspace.onDidSaveTextDocument((d) => onFile(d.uri)),
      // Typing postpones a pending discovery: it waits for a pause, so its full-repo parse does
      // not take the worker's time from the renders of the keystrokes (auto-save saves while typing).
      vscode.workspace.onDidChangeTextDocument((e) => this.timer !== undefined && e.contentChanges.length > 0 && this.schedule()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.schedule()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (['driftline.contextMappings', 'driftline.kubeconfig', 'driftline.helmPath'].some((s) => e.affectsConfiguration(s))) this.schedule();
      }),
    );
    await this.refresh();
  }

  private appFiles(): Set<string> {
    return new Set(this.apps.map((a) => a.location.file));
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, discoveryIdleMs);
  }

  private async discoverAll(): Promise<void> {
    const settings = readSettings();
    const contexts = kubeconfigContexts(settings.kubeconfig);
    const folders = vscode.workspace.workspaceFolders?.filter((f) => f.uri.scheme === 'file') ?? [];
    for (const key of [...this.models.keys()]) if (!folders.some((f) => f.uri.fsPath === key)) this.models.delete(key);
    this.forgetDerived();
    for (const folder of folders) {
      try {
        const render = renderOptions(settings.helmPath);
        const model = this.worker
          ? await this.worker.discoverRepo(folder.uri.fsPath, { contexts, contextMap: settings.contextMappings, runBinaries: render.runner !== undefined, ...(render.helm ? { helm: render.helm } : {}) })
          : await discoverRepo(this.fs, folder.uri.fsPath, { contexts, contextMap: settings.contextMappings, render });
        this.models.set(folder.uri.fsPath, model);
        this.forgetDerived();
        for (const d of model.diagnostics) this.logger.warn(`repo model: ${d.file}:${d.line}: ${d.message}`);
      } catch (e) {
        // A bug in discovery must not take the Apps view down with it: keep the last model.
        this.logger.error(`discovering Argo CD apps in ${folder.uri.fsPath} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    this.changed.fire();
  }

  private forgetDerived(): void {
    this.allApps = undefined;
    this.byDir = undefined;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

/** How app-of-apps parents with Helm sources render their children: never a binary in an untrusted workspace. */
function renderOptions(helmPath: string): { runner?: NodeProcessRunner; helm?: string } {
  if (!vscode.workspace.isTrusted) return {};
  const helm = helmPath || findOnPath('helm');
  return { runner: new NodeProcessRunner(60_000), ...(helm ? { helm } : {}) };
}

/** Destinations resolve to these by server URL; an unreadable kubeconfig means none (the mapping setting still works). */
function kubeconfigContexts(kubeconfig: string): Array<{ name: string; server: string }> {
  try {
    return loadKubeConfigContexts(kubeconfig).map((c) => ({ name: c.name, server: c.cluster }));
  } catch {
    return [];
  }
}
