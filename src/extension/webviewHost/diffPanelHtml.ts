import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** Folders the panel may load from; `localResourceRoots` is exactly these. */
export function diffPanelRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

/**
 * The panel's Content-Security-Policy. Decisions (see docs/ARCHITECTURE.md, Webview security):
 * - scripts: only ours, by a fresh 128-bit nonce per page; no 'unsafe-eval' (Monaco's ESM
 *   build and its editor worker do not evaluate strings).
 * - <style> elements: our stylesheet from the webview origin, plus the ones Monaco creates at
 *   run time for theme and decoration rules, which webview/styleNonce.ts stamps with the nonce.
 * - style attributes: 'unsafe-inline', because Monaco renders view lines, overlays and diff
 *   decorations as HTML strings with `style="top:…;width:…"` positions. Attributes cannot load
 *   anything (img-src/font-src still apply) and cannot run script.
 * - fonts: codicon.ttf from the webview origin. Images: the webview origin and data: (Monaco's
 *   CSS inlines the diff editor's diagonal fill pattern as a data: PNG).
 * - worker-src blob: + connect-src webview origin: Monaco's editor worker is a bundled file,
 *   but `new Worker()` refuses the cross-origin webview resource URL, so the page fetches it and
 *   starts it from a blob: URL (webview/monacoWorker.ts).
 */
export function diffPanelCsp(cspSource: string, nonce: string): string {
  return [
    `default-src 'none'`,
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `style-src-elem ${cspSource} 'nonce-${nonce}'`,
    `style-src-attr 'unsafe-inline'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `connect-src ${cspSource}`,
    `worker-src blob:`,
  ].join('; ');
}

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page: static markup only; the webview script fills it from typed messages. */
export function diffPanelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, overlay: string): string {
  const nonce = newNonce();
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', name)).toString();
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${diffPanelCsp(webview.cspSource, nonce)}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${escapeHtml(asset('main.css'))}">
  <title>Driftline diff</title>
</head>
<body>
  <div id="root" data-overlay="${escapeHtml(overlay)}" data-worker="${escapeHtml(asset('editor.worker.js'))}">
    <header>
      <div class="app-header">
        <h1 id="app-title"></h1>
        <span id="app-context" class="app-context"></span>
        <span id="stale-note" class="stale-note" hidden>live values may be stale</span>
      </div>
      <div id="render-errors" class="render-errors" role="alert" hidden></div>
    </header>
    <div class="toolbar" role="toolbar" aria-label="Diff actions">
      <vscode-radio-group id="filter" aria-label="Show">
        <vscode-radio name="filter" value="outOfSync" label="Out of sync only">Out of sync only</vscode-radio>
        <vscode-radio name="filter" value="all" label="All">All</vscode-radio>
      </vscode-radio-group>
      <span class="spacer"></span>
      <vscode-progress-ring id="busy" hidden></vscode-progress-ring>
      <vscode-button id="sync-selected">Sync Selected</vscode-button>
      <vscode-button id="sync-all">Sync All</vscode-button>
      <vscode-button id="refresh" secondary>Refresh</vscode-button>
      <vscode-button id="open-native-diff" secondary>Open in Native Diff</vscode-button>
    </div>
    <main class="content">
      <section class="resources" aria-label="Resources">
        <vscode-table id="resource-table" zebra bordered-rows columns='["9%", "auto", "23%", "22%"]'>
          <vscode-table-header slot="header">
            <vscode-table-header-cell><span class="sr-only">Sync</span></vscode-table-header-cell>
            <vscode-table-header-cell>Resource</vscode-table-header-cell>
            <vscode-table-header-cell>Status</vscode-table-header-cell>
            <vscode-table-header-cell id="last-column">Health</vscode-table-header-cell>
          </vscode-table-header>
          <vscode-table-body slot="body" id="resource-rows"></vscode-table-body>
        </vscode-table>
        <div id="empty-note" class="empty-note" hidden></div>
      </section>
      <section class="diff" aria-label="Diff">
        <div class="diff-header"><span id="diff-title">Nothing selected</span><span id="diff-sides" class="sides">Git (desired) ↔ Live</span></div>
        <div id="diff-editor"></div>
      </section>
    </main>
  </div>
  <script nonce="${nonce}" src="${escapeHtml(asset('main.js'))}"></script>
</body>
</html>`;
}
