import * as vscode from 'vscode';
import { DriftController } from './driftController';
import { DriftDecorations } from './driftDecorations';
import { DriftStatusBar } from './statusBar';
import { outputLogger } from './outputLogger';
import { syncCommand } from './commands/syncCommand';
import { RenderProblems } from './renderProblems';
import { ManifestDocuments, manifestScheme } from './manifestDocuments';
import { DriftCodeLens } from './driftCodeLens';
import { openDiffCommand } from './commands/openDiffCommand';
import { showRenderedCommand } from './commands/showRenderedCommand';
import { traceFieldCommand } from './commands/traceFieldCommand';
import { selectContextCommand } from './commands/selectContextCommand';
import { AppsTree } from './views/appsTree';
import { RenderQuickFixes } from './renderQuickFixes';
import { ClustersTree } from './views/clustersTree';
import { HistoryTree } from './views/historyTree';
import { rollbackCommand } from './commands/rollbackCommand';
import { DiffPanels } from './webviewHost/diffPanels';

// Activation stays cheap: no I/O here. The drift controller starts when a YAML
// editor is visible or a command needs it.
/**
 * What `vscode.extensions.getExtension('driftline.driftline').exports` offers: enough
 * for extension-host tests and benchmarks to wait for drift updates, nothing more.
 */
export interface DriftlineApi {
  readonly onDidUpdateDrift: vscode.Event<void>;
  /** Drifted fields whose desired value was written in `path`: what the hints show. */
  driftIn(path: string): Array<{ line: number; path: string; live: unknown }>;
  start(): Promise<void>;
}

export function activate(context: vscode.ExtensionContext): DriftlineApi {
  const started = performance.now();
  const channel = vscode.window.createOutputChannel('Driftline', { log: true });
  const logger = outputLogger(channel);
  const drift = new DriftController(logger);
  const decorations = new DriftDecorations(drift, vscode.Uri.joinPath(context.extensionUri, 'media', 'drift-gutter.svg'));
  const statusBar = new DriftStatusBar(drift);
  const problems = new RenderProblems(drift);
  const documents = new ManifestDocuments(drift);
  const codeLens = new DriftCodeLens(drift);
  const auditPath = vscode.Uri.joinPath(context.globalStorageUri, 'audit.jsonl').fsPath;
  // Registers the panel serializer (restores diff panels after a reload); panels open on demand.
  const diffPanels = new DiffPanels({ drift, logger, extensionUri: context.extensionUri, auditPath });
  const run = (what: string, action: (...args: unknown[]) => Promise<void>) => (...args: unknown[]) => action(...args).catch((e: unknown) => reportFailure(what, e, logger));
  context.subscriptions.push(
    channel,
    drift,
    decorations,
    statusBar,
    problems,
    documents,
    codeLens,
    vscode.workspace.registerTextDocumentContentProvider(manifestScheme, documents),
    vscode.languages.registerCodeActionsProvider([{ scheme: 'file', language: 'yaml' }, { scheme: 'file', pattern: '**/Kustomization' }], new RenderQuickFixes(), { providedCodeActionKinds: RenderQuickFixes.kinds }),
    registerTree('driftline.apps', new AppsTree(drift), drift, logger),
    registerTree('driftline.clusters', new ClustersTree(drift), drift, logger),
    registerTree('driftline.history', new HistoryTree(drift), drift, logger),
    vscode.commands.registerCommand('driftline.rollback', run('Rollback', (...args) => rollbackCommand(drift, logger, auditPath, args))),
    vscode.languages.registerCodeLensProvider([{ scheme: 'file', language: 'yaml' }, { scheme: 'file', pattern: '**/Kustomization' }], codeLens),
    vscode.commands.registerCommand('driftline.sync', run('Sync', (target) => syncCommand(drift, logger, auditPath, target))),
    vscode.commands.registerCommand('driftline.refresh', run('Refresh', () => drift.refresh())),
    vscode.commands.registerCommand('driftline.openDiff', run('Open Diff', (target) => openDiffCommand(drift, target))),
    diffPanels,
    vscode.commands.registerCommand('driftline.openDiffPanel', run('Open Diff Panel', (target) => diffPanels.open(target))),
    vscode.commands.registerCommand('driftline.showRendered', run('Show Rendered Manifests', () => showRenderedCommand(drift))),
    vscode.commands.registerCommand('driftline.traceField', run('Trace Field Origin', () => traceFieldCommand(drift))),
    vscode.commands.registerCommand('driftline.selectContext', run('Select Context', () => selectContextCommand())),
    vscode.commands.registerCommand('driftline.goToLocation', run('Go to Origin', (file, line, column) => goToLocation(file, line, column))),
    vscode.commands.registerCommand('driftline.showLog', () => channel.show()),
    vscode.window.onDidChangeVisibleTextEditors((editors) => startWhenRelevant(editors, drift, logger)),
  );
  startWhenRelevant(vscode.window.visibleTextEditors, drift, logger);
  logger.info(`activated in ${(performance.now() - started).toFixed(1)} ms`);
  return {
    onDidUpdateDrift: drift.onDidChange,
    driftIn: (path) => drift.driftIn(path).map(({ change }) => ({ line: change.origin?.line ?? 0, path: change.path, live: change.live })),
    start: () => drift.start(),
  };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}

function startWhenRelevant(editors: readonly vscode.TextEditor[], drift: DriftController, logger: { error(m: string): void }): void {
  if (editors.some((e) => e.document.languageId === 'yaml' || /\.ya?ml$/.test(e.document.fileName))) {
    drift.start().catch((e: unknown) => logger.error(`Driftline failed to start: ${e instanceof Error ? e.message : String(e)}`));
  }
}

/** A tree view that starts the drift controller the first time it becomes visible. */
function registerTree<T>(id: string, provider: vscode.TreeDataProvider<T> & vscode.Disposable, drift: DriftController, logger: { error(m: string): void }): vscode.Disposable {
  const view = vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: true });
  const visible = view.onDidChangeVisibility((e) => {
    if (e.visible) drift.start().catch((err: unknown) => logger.error(`Driftline failed to start: ${err instanceof Error ? err.message : String(err)}`));
  });
  return vscode.Disposable.from(view, visible, provider);
}

async function goToLocation(file: unknown, line: unknown, column: unknown): Promise<void> {
  if (typeof file !== 'string' || typeof line !== 'number') return;
  const position = new vscode.Position(Math.max(0, line - 1), Math.max(0, (typeof column === 'number' ? column : 1) - 1));
  await vscode.window.showTextDocument(vscode.Uri.file(file), { selection: new vscode.Range(position, position) });
}

function reportFailure(what: string, e: unknown, logger: { error(m: string): void }): void {
  const message = e instanceof Error ? e.message : String(e);
  logger.error(`${what} failed: ${message}`);
  void vscode.window.showErrorMessage(`Driftline: ${what} failed: ${message}`);
}
