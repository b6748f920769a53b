import * as vscode from 'vscode';
import type { ObjectRef } from '../../core/ports';
import { parsePersistedState } from '../../shared/diffPanelProtocol';
import { pickOverlay } from '../overlayPicker';
import { isOverlayResource } from '../resourceRef';
import { DiffPanel, diffPanelOptions, diffPanelViewType, type DiffPanelDeps } from './diffPanel';

/**
 * Every open diff panel, one per app (overlay), and the serializer that brings them back
 * after a window reload. The single owner of the panels' disposables.
 */
export class DiffPanels implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly panels = new Map<string, DiffPanel>();
  private readonly registration: vscode.Disposable;

  constructor(private readonly deps: DiffPanelDeps) {
    this.registration = vscode.window.registerWebviewPanelSerializer(diffPanelViewType, this);
  }

  /**
   * `Driftline: Open Diff Panel` — for `{ overlay, ref? }` when a tree item, CodeLens or
   * hover passes one, otherwise for the active editor's overlay (asking when ambiguous).
   */
  async open(target?: unknown): Promise<void> {
    await this.deps.drift.start();
    const given = overlayArgument(target);
    const dir = given?.overlay ?? (await pickOverlay(this.deps.drift, 'Driftline: Open Diff Panel'))?.dir;
    if (!dir) return;
    const existing = this.panels.get(dir);
    if (existing) {
      existing.reveal(given?.ref);
      return;
    }
    const panel = vscode.window.createWebviewPanel(diffPanelViewType, panelTitle(dir), vscode.ViewColumn.Active, diffPanelOptions(this.deps.extensionUri));
    this.track(new DiffPanel(dir, panel, this.deps)).reveal(given?.ref);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const restored = parsePersistedState(state);
    if (!restored || this.panels.has(restored.overlay)) {
      // Nothing to show (state from an unknown version) or a duplicate: close rather than show a blank page.
      panel.dispose();
      return;
    }
    panel.title = panelTitle(restored.overlay);
    // The webview restores its own selection and filter from the same state.
    this.track(new DiffPanel(restored.overlay, panel, this.deps));
    await this.deps.drift.start();
  }

  private track(panel: DiffPanel): DiffPanel {
    this.panels.set(panel.overlay, panel);
    panel.onDidDispose(() => this.panels.delete(panel.overlay));
    return panel;
  }

  dispose(): void {
    this.registration.dispose();
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }
}

function panelTitle(dir: string): string {
  return `Drift: ${vscode.workspace.asRelativePath(dir)}`;
}

/** `{ overlay, ref }` from commands and CodeLens, or an Apps tree node (`{ overlay: OverlayState }`). */
function overlayArgument(target: unknown): { overlay: string; ref: ObjectRef | undefined } | undefined {
  if (isOverlayResource(target)) return { overlay: target.overlay, ref: target.ref };
  if (typeof target !== 'object' || target === null) return undefined;
  const overlay = (target as { overlay?: unknown }).overlay;
  if (typeof overlay === 'string') return { overlay, ref: undefined };
  const dir = typeof overlay === 'object' && overlay !== null ? (overlay as { dir?: unknown }).dir : undefined;
  return typeof dir === 'string' ? { overlay: dir, ref: undefined } : undefined;
}
