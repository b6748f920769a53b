import type { PersistedState, WebviewMessage } from '../src/shared/diffPanelProtocol';

/** The part of the webview API Driftline uses; typed so only protocol messages can be posted. */
export interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PersistedState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

// acquireVsCodeApi may be called once per page: keep the one handle here.
export const vscode: VsCodeApi = acquireVsCodeApi();
