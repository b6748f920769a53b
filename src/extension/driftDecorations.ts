import * as vscode from 'vscode';
import { relative } from '../core/paths';
import type { DriftController, DriftedField } from './driftController';
import { timeAgo } from './timeAgo';
import { describeRef, refOfDiff } from './resourceRef';
import { readSettings } from './settings';

const maxValueLength = 60;

/**
 * Drift hints on the source lines that produced drifted values, in the style
 * `driftline.decorations.style` asks for: `inline` (after-text hint, line background, gutter,
 * ruler), `gutter` (gutter, ruler and the hover only) or `off`. Decoration types are created once.
 * The hover is a HoverProvider, built for the hovered line only when asked: building every
 * drifted line's markdown on each change cost a keystroke ~30 ms in a 300-overlay repo.
 */
export class DriftDecorations implements vscode.Disposable {
  private readonly type: vscode.TextEditorDecorationType;
  private readonly gutterType: vscode.TextEditorDecorationType;
  private readonly disposables: vscode.Disposable[];
  // Ages in hints ("4 min ago") go stale; refresh them while any hint is shown.
  private readonly ticker = setInterval(() => this.refreshAll(), 30_000);

  constructor(
    private readonly drift: DriftController,
    gutterIcon: vscode.Uri,
  ) {
    this.type = vscode.window.createTextEditorDecorationType({
      isWholeLine: true,
      gutterIconPath: gutterIcon,
      gutterIconSize: 'contain',
      backgroundColor: new vscode.ThemeColor('driftline.driftBackground'),
      overviewRulerColor: new vscode.ThemeColor('driftline.driftOverviewRuler'),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      after: { color: new vscode.ThemeColor('driftline.driftForeground'), margin: '0 0 0 2em', fontStyle: 'italic' },
    });
    this.gutterType = vscode.window.createTextEditorDecorationType({
      isWholeLine: true,
      gutterIconPath: gutterIcon,
      gutterIconSize: 'contain',
      overviewRulerColor: new vscode.ThemeColor('driftline.driftOverviewRuler'),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
    });
    this.disposables = [
      this.type,
      this.gutterType,
      drift.onDidChange(() => this.refreshAll()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()),
      vscode.languages.registerHoverProvider({ scheme: 'file' }, { provideHover: (document, position) => this.hoverAt(document, position.line) }),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('driftline.decorations.style') && this.refreshAll()),
    ];
  }

  refreshAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.refresh(editor);
  }

  private refresh(editor: vscode.TextEditor): void {
    if (editor.document.uri.scheme !== 'file') return;
    const style = readSettings().decorationStyle;
    if (style === 'off') {
      editor.setDecorations(this.type, []);
      editor.setDecorations(this.gutterType, []);
      return;
    }
    const byLine = this.driftByLine(editor.document);
    const stale = this.drift.stale;
    const now = new Date();
    const options: vscode.DecorationOptions[] = [...byLine].map(([line, fields]) => ({
      range: editor.document.lineAt(line).range,
      ...(style === 'inline' ? { renderOptions: { after: { contentText: hintText(fields, now, stale) } } } : {}),
    }));
    editor.setDecorations(style === 'inline' ? this.type : this.gutterType, options);
    editor.setDecorations(style === 'inline' ? this.gutterType : this.type, []);
  }

  private hoverAt(document: vscode.TextDocument, line: number): vscode.Hover | undefined {
    if (readSettings().decorationStyle === 'off') return undefined;
    const fields = this.driftByLine(document).get(line);
    return fields ? new vscode.Hover(hover(fields, new Date()), document.lineAt(line).range) : undefined;
  }

  /** The document's drifted fields by the 0-based line their desired value was written on. */
  private driftByLine(document: vscode.TextDocument): Map<number, DriftedField[]> {
    const byLine = new Map<number, DriftedField[]>();
    for (const field of this.drift.driftIn(document.uri.fsPath)) {
      const line = (field.change.origin?.line ?? 1) - 1;
      if (line >= document.lineCount) continue;
      const fields = byLine.get(line);
      if (fields) fields.push(field);
      else byLine.set(line, [field]);
    }
    return byLine;
  }

  dispose(): void {
    clearInterval(this.ticker);
    for (const d of this.disposables) d.dispose();
  }
}

function hintText(fields: readonly DriftedField[], now: Date, stale: boolean): string {
  const [first] = fields;
  if (!first) return '';
  const { change } = first;
  const parts = [`live: ${shorten(display(change.live))}`];
  if (change.lastWriter) parts.push(change.lastWriter.manager);
  const age = timeAgo(change.lastWriter?.time, now);
  if (age) parts.push(age);
  if (fields.length > 1) parts.push(`+${fields.length - 1} more`);
  if (stale) parts.push('stale');
  return parts.join(' · ');
}

/**
 * A write's file as the hover names it: from the overlay (`kustomization.yaml`, `../base/…`), or
 * from the workspace for a file elsewhere (an Application's `argocd/…`), not as `../../../../…`.
 */
function originLabel(overlayDir: string, file: string): string {
  const fromOverlay = relative(overlayDir, file);
  return fromOverlay.startsWith('../../../') ? vscode.workspace.asRelativePath(file) : fromOverlay;
}

function hover(fields: readonly DriftedField[], now: Date): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: ['driftline.openDiff', 'driftline.syncResource', 'driftline.goToLocation'] };
  for (const { resource, change, overlay } of fields) {
    const target = { overlay: overlay.dir, ref: refOfDiff(resource) };
    md.appendMarkdown(`**$(warning) ${describeRef(target.ref)}** — \`${change.path}\`\n\n`);
    md.appendMarkdown(`| | |\n|---|---|\n| desired | \`${escapeCell(display(change.desired))}\` |\n| live | \`${escapeCell(display(change.live))}\` |\n`);
    if (change.lastWriter) {
      const age = timeAgo(change.lastWriter.time, now);
      md.appendMarkdown(`| changed by | ${change.lastWriter.manager} (${change.lastWriter.operation})${age ? `, ${age}` : ''} |\n`);
    }
    const chain = change.originChain.map((w) => `[${originLabel(overlay.dir, w.file)}:${w.line}](${commandUri('driftline.goToLocation', [w.file, w.line, w.column])}) ${w.operation}`);
    md.appendMarkdown(`\nOrigin, effective first: ${chain.join(' ← ')}\n\n`);
    md.appendMarkdown(`[$(diff) Open Diff](${commandUri('driftline.openDiff', [target])}) · [$(sync) Sync This Resource](${commandUri('driftline.syncResource', [target])})\n\n`);
  }
  return md;
}

function commandUri(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('`', "'");
}

function display(value: unknown): string {
  if (value === undefined) return '<absent>';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function shorten(text: string): string {
  return text.length > maxValueLength ? `${text.slice(0, maxValueLength - 1)}…` : text;
}
