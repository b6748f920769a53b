import * as vscode from 'vscode';
import { DriftController } from './driftController';
import { DriftDecorations } from './driftDecorations';
import { DriftStatusBar } from './statusBar';
import { outputLogger } from './outputLogger';
import { syncCommand } from './commands/syncCommand';
import { RenderProblems } from './renderProblems';

// Activation stays cheap: no I/O here. The drift controller starts when a YAML
// editor is visible or a command needs it.
export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const channel = vscode.window.createOutputChannel('Driftline', { log: true });
  const logger = outputLogger(channel);
  const drift = new DriftController(logger);
  const decorations = new DriftDecorations(drift, vscode.Uri.joinPath(context.extensionUri, 'media', 'drift-gutter.svg'));
  const statusBar = new DriftStatusBar(drift);
  const problems = new RenderProblems(drift);
  context.subscriptions.push(
    channel,
    drift,
    decorations,
    statusBar,
    problems,
    vscode.commands.registerCommand('driftline.sync', () => syncCommand(drift, logger).catch((e: unknown) => reportFailure('Sync', e, logger))),
    vscode.commands.registerCommand('driftline.refresh', () => drift.refresh().catch((e: unknown) => reportFailure('Refresh', e, logger))),
    vscode.commands.registerCommand('driftline.showLog', () => channel.show()),
    vscode.window.onDidChangeVisibleTextEditors((editors) => startWhenRelevant(editors, drift, logger)),
  );
  startWhenRelevant(vscode.window.visibleTextEditors, drift, logger);
  logger.info(`activated in ${(performance.now() - started).toFixed(1)} ms`);
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}

function startWhenRelevant(editors: readonly vscode.TextEditor[], drift: DriftController, logger: { error(m: string): void }): void {
  if (editors.some((e) => e.document.languageId === 'yaml' || /\.ya?ml$/.test(e.document.fileName))) {
    drift.start().catch((e: unknown) => logger.error(`Driftline failed to start: ${e instanceof Error ? e.message : String(e)}`));
  }
}

function reportFailure(what: string, e: unknown, logger: { error(m: string): void }): void {
  const message = e instanceof Error ? e.message : String(e);
  logger.error(`${what} failed: ${message}`);
  void vscode.window.showErrorMessage(`Driftline: ${what} failed: ${message}`);
}
