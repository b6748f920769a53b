import * as vscode from 'vscode';
import { RenderQuickFixes } from './renderQuickFixes';
import { LazyCodeLens, LazyDocuments, LazyTree } from './lazyProviders';
import type { Services } from './services';

// The thin entry (dist/extension.js): activation registers every contributed command, view and
// provider as a lazy proxy and returns; the heavy half (services.ts → dist/services.js: renderer,
// cluster client, git, yaml) loads on first need, never inside activate(). Services and command
// handlers are added in services.ts; a command contributed in package.json is proxied here by itself.

/**
 * What `vscode.extensions.getExtension('driftline.driftline').exports` offers: enough
 * for extension-host tests and benchmarks to wait for drift updates, nothing more.
 */
export interface DriftlineApi {
  readonly onDidUpdateDrift: vscode.Event<void>;
  /** Drifted fields whose desired value was written in `path`: what the hints show. */
  driftIn(path: string): Array<{ line: number; path: string; live: unknown }>;
  start(): Promise<void>;
  /** Loads the services bundle without starting anything: benchmarks measure that load apart from the scan. */
  load(): Promise<void>;
}

const yamlSelector: vscode.DocumentSelector = [{ scheme: 'file', language: 'yaml' }, { scheme: 'file', pattern: '**/Kustomization' }];
/** manifestDocuments.ts's `manifestScheme`; importing it would pull the services into this bundle. */
const manifestScheme = 'driftline';

export function activate(context: vscode.ExtensionContext): DriftlineApi {
  const started = performance.now();
  const channel = vscode.window.createOutputChannel('Driftline', { log: true });
  const updated = new vscode.EventEmitter<void>();
  let services: Services | undefined;
  let loading: Promise<Services> | undefined;
  const trees = new Map(['driftline.apps', 'driftline.clusters', 'driftline.history'].map((id) => [id, new LazyTree(() => load().then((s) => tree(s, id)))]));
  const codeLens = new LazyCodeLens(() => load().then((s) => s.codeLens));
  const documents = new LazyDocuments(() => load().then((s) => s.documents));
  let serializer: vscode.Disposable | undefined = vscode.window.registerWebviewPanelSerializer('driftline.diff', {
    deserializeWebviewPanel: async (panel, state) => (await load()).webviewSerializer.deserializeWebviewPanel(panel, state),
  });
  // Two-commit comparisons (commitDiffPanel.ts's view type): nothing else registers it, so it stays.
  context.subscriptions.push(vscode.window.registerWebviewPanelSerializer('driftline.commitDiff', {
    deserializeWebviewPanel: async (panel, state) => (await load()).commitDiffSerializer.deserializeWebviewPanel(panel, state),
  }));

  // Always after activate() returned (a macrotask later), so activation never pays for it.
  const load = (): Promise<Services> => (loading ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
    const begun = performance.now();
    // The services' DiffPanels registers the real serializer: the stand-in makes way first.
    serializer?.dispose();
    serializer = undefined;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a second bundle, loaded on demand
    const module = require(`${__dirname}/services.js`) as typeof import('./services');
    const required = performance.now();
    services = module.startServices(context, channel);
    for (const [id, lazy] of trees) lazy.attach(tree(services, id));
    codeLens.attach(services.codeLens);
    documents.attach(services.documents);
    context.subscriptions.push(services.drift.onDidChange(() => updated.fire()));
    channel.info(`services loaded in ${(performance.now() - begun).toFixed(1)} ms (module ${(required - begun).toFixed(1)} ms)`);
    return services;
  }));
  const report = (e: unknown): void => channel.error(`Driftline failed to start: ${e instanceof Error ? e.message : String(e)}`);
  const start = (): Promise<void> => load().then((s) => s.drift.start());
  const startWhenRelevant = (editors: readonly vscode.TextEditor[]): void => {
    if (editors.some((e) => e.document.languageId === 'yaml' || /\.ya?ml$/.test(e.document.fileName))) start().catch(report);
  };

  context.subscriptions.push(
    channel,
    updated,
    codeLens,
    documents,
    { dispose: () => serializer?.dispose() },
    vscode.workspace.registerTextDocumentContentProvider(manifestScheme, documents),
    vscode.languages.registerCodeActionsProvider(yamlSelector, new RenderQuickFixes(), { providedCodeActionKinds: RenderQuickFixes.kinds }),
    vscode.languages.registerCodeLensProvider(yamlSelector, codeLens),
    ...[...trees].map(([id, provider]) => registerTree(id, provider, () => start().catch(report))),
    ...contributedCommands(context).map((id) => vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      if (id === 'driftline.showLog') return channel.show();
      const handler = (await load()).commands[id];
      if (!handler) throw new Error(`no handler for ${id}`);
      return handler(...args);
    })),
    vscode.window.onDidChangeVisibleTextEditors(startWhenRelevant),
  );
  startWhenRelevant(vscode.window.visibleTextEditors);
  channel.info(`activated in ${(performance.now() - started).toFixed(1)} ms`);
  return {
    onDidUpdateDrift: updated.event,
    driftIn: (path) => (services?.drift.driftIn(path) ?? []).map(({ change }) => ({ line: change.origin?.line ?? 0, path: change.path, live: change.live })),
    start,
    load: () => load().then(() => undefined),
  };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}

function tree(services: Services, id: string): vscode.TreeDataProvider<unknown> {
  const provider = services.trees[id];
  if (!provider) throw new Error(`no provider for the view ${id}`);
  return provider;
}

function contributedCommands(context: vscode.ExtensionContext): string[] {
  const commands = (context.extension.packageJSON as { contributes?: { commands?: Array<{ command?: unknown }> } }).contributes?.commands ?? [];
  return commands.map((c) => c.command).filter((id): id is string => typeof id === 'string');
}

/** A view that starts the drift controller the first time it becomes visible. */
function registerTree(id: string, provider: LazyTree, start: () => void): vscode.Disposable {
  const view = vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: true });
  const visible = view.onDidChangeVisibility((e) => e.visible && start());
  if (view.visible) start();
  return vscode.Disposable.from(view, visible, provider);
}
