// Monaco computes diffs in its editor worker. Webview resources are served from another
// origin than the webview page, and `new Worker(url)` refuses cross-origin scripts, so the
// bundled worker (dist/webview/editor.worker.js) is fetched (CSP connect-src: the webview's
// own resource origin) and started from a blob: URL (CSP worker-src blob:). The script is
// ours, from the extension folder: the blob only changes its origin, not its provenance.

import type { Environment } from 'monaco-editor/esm/vs/editor/editor.api.js';

export function installMonacoWorker(workerUrl: string): void {
  let source: Promise<string> | undefined;
  const environment: Environment = {
    getWorker: async (_workerId: string, label: string): Promise<Worker> => {
      source ??= fetch(workerUrl).then(async (response) => {
        if (!response.ok) throw new Error(`editor worker: HTTP ${response.status}`);
        return response.text();
      });
      const blobUrl = URL.createObjectURL(new Blob([await source], { type: 'text/javascript' }));
      try {
        return new Worker(blobUrl, { name: label });
      } finally {
        // The worker has its own copy of the script once constructed.
        setTimeout(() => URL.revokeObjectURL(blobUrl), 10_000);
      }
    },
  };
  window.MonacoEnvironment = environment;
}
