// Whether the web workbench has written a webview panel's persisted state to its IndexedDB
// storage. The web workbench flushes storage on a timer and only best-effort at unload, so a
// reload right after a change can restore older state (desktop VS Code flushes at shutdown):
// tests that reload wait for this first.
import type { Page } from 'playwright-core';

/** True once some stored value names `viewType` and matches `pattern` (a RegExp source). */
export async function webviewStatePersisted(page: Page, viewType: string, pattern: string): Promise<boolean> {
  // Runs in the page: no named inner functions (tsx would wrap them in a missing `__name`).
  return page.evaluate(async ({ viewType, pattern }) => {
    const wanted = new RegExp(pattern);
    const found: boolean[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const open = indexedDB.open(info.name ?? '');
        open.onsuccess = () => done(open.result);
        open.onerror = () => fail(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const values = await new Promise<unknown[]>((done, fail) => {
          const request = db.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => done(request.result as unknown[]);
          request.onerror = () => fail(request.error);
        });
        found.push(values.some((v) => typeof v === 'string' && v.includes(viewType) && wanted.test(v)));
      }
      db.close();
    }
    return found.includes(true);
  }, { viewType, pattern });
}
