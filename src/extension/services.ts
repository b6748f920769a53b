import * as vscode from 'vscode';
import { DriftController } from './driftController';
import { RenderClient } from './worker/renderClient';
import { DriftDecorations } from './driftDecorations';
import { DriftStatusBar } from './statusBar';
import { outputLogger } from './outputLogger';
import { syncCommand } from './commands/syncCommand';
import { syncResourceCommand } from './commands/syncResourceCommand';
import { RenderProblems } from './renderProblems';
import { ManifestDocuments } from './manifestDocuments';
import { DriftCodeLens } from './driftCodeLens';
import { openDiffCommand } from './commands/openDiffCommand';
import { showRenderedCommand } from './commands/showRenderedCommand';
import { traceFieldCommand } from './commands/traceFieldCommand';
import { selectContextCommand } from './commands/selectContextCommand';
import { ClustersTree } from './views/clustersTree';
import { HistoryTree } from './views/historyTree';
import { rollbackCommand } from './commands/rollbackCommand';
import { diffCommitsCommand } from './commands/diffCommitsCommand';
import { DiffPanels } from './webviewHost/diffPanels';
import { CommitDiffRestorer } from './webviewHost/commitDiffRestore';
import type { Logger } from '../core/ports';
import { startAppServices } from './appServices';

// The extension's heavy half, bundled as dist/services.js and loaded by main.ts on first need
// (a YAML editor visible, a view shown, a command run), after activate() has returned: this is
// where the renderer, the cluster client, git and yaml get evaluated. New services and command
// handlers go here; main.ts registers the contributed commands and providers as lazy proxies.

/** What the thin entry (main.ts) forwards its proxies to. */
export interface Services {
  readonly drift: DriftController;
  /** Handlers of the commands package.json contributes, by id. */
  readonly commands: Readonly<Record<string, (...args: unknown[]) => unknown>>;
  /** Providers of the views package.json contributes, by id. */
  readonly trees: Readonly<Record<string, vscode.TreeDataProvider<unknown>>>;
  readonly codeLens: vscode.CodeLensProvider;
  readonly documents: vscode.TextDocumentContentProvider;
  readonly webviewSerializer: vscode.WebviewPanelSerializer;
  /** Restores two-commit comparison panels (driftline.commitDiff). */
  readonly commitDiffSerializer: vscode.WebviewPanelSerializer;
}

export function startServices(context: vscode.ExtensionContext, channel: vscode.LogOutputChannel): Services {
  const logger = outputLogger(channel);
  // Discovery and rendering run in this worker thread, off the thread that answers the editor.
  const renders = new RenderClient(logger);
  context.subscriptions.push(renders);
  const drift = new DriftController(logger, renders);
  // Repo model, Argo CD status, Apps tree and sync routing (appServices.ts).
  const apps = startAppServices(context, drift, logger);
  const decorations = new DriftDecorations(drift, vscode.Uri.joinPath(context.extensionUri, 'media', 'drift-gutter.svg'));
  const statusBar = new DriftStatusBar(drift, apps);
  const problems = new RenderProblems(drift);
  const documents = new ManifestDocuments(drift);
  const codeLens = new DriftCodeLens(drift);
  const auditPath = vscode.Uri.joinPath(context.globalStorageUri, 'audit.jsonl').fsPath;
  // Registers the panel serializer (restores diff panels after a reload); panels open on demand.
  const diffPanels = new DiffPanels({ drift, logger, extensionUri: context.extensionUri, auditPath });
  const trees = { 'driftline.apps': apps.appsTree, 'driftline.clusters': new ClustersTree(drift), 'driftline.history': new HistoryTree(drift) };
  const run = (what: string, action: (...args: unknown[]) => Promise<void>) => (...args: unknown[]) => action(...args).catch((e: unknown) => reportFailure(what, e, logger));
  context.subscriptions.push(drift, decorations, statusBar, problems, documents, codeLens, diffPanels, ...Object.values(trees));
  return {
    drift,
    trees,
    codeLens,
    documents,
    webviewSerializer: diffPanels,
    commitDiffSerializer: new CommitDiffRestorer(context.extensionUri, logger),
    commands: {
      ...apps.commands,
      'driftline.rollback': run('Rollback', (...args) => rollbackCommand(drift, logger, auditPath, args, context.extensionUri)),
      'driftline.diffCommits': run('Compare Rendered Output', (...args) => diffCommitsCommand(drift, logger, context.extensionUri, args)),
      'driftline.sync': run('Sync', (target) => syncCommand(drift, logger, auditPath, target)),
      'driftline.syncResource': run('Sync Resource', (target) => syncResourceCommand(drift, logger, auditPath, target)),
      'driftline.refresh': run('Refresh', () => drift.refresh()),
      'driftline.openDiff': run('Open Diff', (target) => openDiffCommand(drift, target)),
      'driftline.openDiffPanel': run('Open Diff Panel', (target) => diffPanels.open(target)),
      'driftline.showRendered': run('Show Rendered Manifests', () => showRenderedCommand(drift)),
      'driftline.traceField': run('Trace Field Origin', () => traceFieldCommand(drift)),
      'driftline.selectContext': run('Select Context', () => selectContextCommand()),
      'driftline.goToLocation': run('Go to Origin', (file, line, column) => goToLocation(file, line, column)),
    },
  };
}

async function goToLocation(file: unknown, line: unknown, column: unknown): Promise<void> {
  if (typeof file !== 'string' || typeof line !== 'number') return;
  const position = new vscode.Position(Math.max(0, line - 1), Math.max(0, (typeof column === 'number' ? column : 1) - 1));
  await vscode.window.showTextDocument(vscode.Uri.file(file), { selection: new vscode.Range(position, position) });
}

function reportFailure(what: string, e: unknown, logger: Logger): void {
  const message = e instanceof Error ? e.message : String(e);
  logger.error(`${what} failed: ${message}`);
  void vscode.window.showErrorMessage(`Driftline: ${what} failed: ${message}`);
}
