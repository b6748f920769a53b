import type { KubeApi, KubeObject, ListResult } from '../ports';
import { failureOf, type Scope } from './connectionState';

/** client-go's reflector (and `kubectl get --chunk-size`) list in pages of 500. */
export const listPageSize = 500;

/**
 * After this many expired tokens the list is fetched in one go, as client-go's pager does at
 * once (FullListIfExpired): a server compacting faster than pages arrive would expire them forever.
 */
const pagedRestarts = 1;

export interface PagedListDeps {
  readonly kube: KubeApi;
  /** Resolves on a later macrotask, so one scope's pages never hold the event loop back to back. */
  readonly yieldToEventLoop: () => Promise<void>;
  /** False once the caller's attempt was superseded: stop fetching. */
  readonly isCurrent: () => boolean;
  readonly onRestart: (message: string) => void;
}

/**
 * Every object of a scope, fetched page by page. The result's resourceVersion is the first
 * page's (the snapshot every later page is consistent with), as client-go's pager returns.
 * A 410 on a continued page means the snapshot was compacted: start again from scratch
 * (in pages once, then unchunked).
 * Undefined when the attempt was superseded midway.
 */
export async function listAllPages(scope: Scope, deps: PagedListDeps): Promise<ListResult | undefined> {
  const { apiVersion, kind, namespace } = scope;
  let restarts = 0;
  let items: KubeObject[] = [];
  let resourceVersion = '';
  let token: string | undefined;
  for (;;) {
    let page: ListResult;
    try {
      const options = restarts > pagedRestarts ? {} : { limit: listPageSize, ...(token ? { continue: token } : {}) };
      page = await deps.kube.list(apiVersion, kind, namespace, options);
    } catch (error) {
      const failure = failureOf(error);
      if (failure.code !== 410 || token === undefined || !deps.isCurrent()) throw error;
      restarts++;
      deps.onRestart(`${failure.message}; listing again from the start${restarts > pagedRestarts ? ' in one request' : ''}`);
      items = [];
      token = undefined;
      continue;
    }
    if (!deps.isCurrent()) return undefined;
    if (token === undefined) resourceVersion = page.resourceVersion;
    // Most scopes fit one page: keep its array rather than copy it.
    items = items.length === 0 ? page.items : items.concat(page.items);
    token = page.continue || undefined;
    if (!token) return { items, resourceVersion };
    await deps.yieldToEventLoop();
    if (!deps.isCurrent()) return undefined;
  }
}
