// watch=true: newline-delimited JSON events (never pretty-printed: clients split on lines).
// Semantics of k8s.io/apiserver's cacher: resourceVersion unset/"0" starts with the current
// state as ADDED, N replays history after N (410 Expired as an ERROR event when compacted),
// sendInitialEvents ends its initial ADDED burst with an annotated BOOKMARK, selector
// transitions read as ADDED/DELETED, and the server closes the stream at timeoutSeconds.
import type { ServerResponse } from 'node:http';
import { badRequest, expired } from './apiErrors';
import { booleanParam } from './httpIo';
import type { StoredEvent } from './objectStore';
import type { JsonObject, KubeObject } from './objects';
import { includeObjectParam } from './readHandlers';
import type { RequestContext } from './requestContext';
import { groupVersionOf, resourceKey } from './resourceTable';
import { parseFieldSelector, parseLabelSelector } from './selectors';
import { requestedTableVersion, toTable } from './tables';

type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/** What the server (and fault injection) can do to an open watch. */
export interface OpenWatch {
  /** Ends the stream cleanly, as the server does at timeoutSeconds. */
  close(): void;
  /** Sends a 410 Expired ERROR event naming the last version this watcher saw, then ends. */
  expire(oldest: number): void;
  /** Destroys the connection without ending the chunked body (a network failure). */
  drop(): void;
}

/** Open watch streams, so that closing the server and fault injection can reach them. */
export class WatchRegistry {
  private readonly open = new Set<OpenWatch>();

  add(watch: OpenWatch): () => void {
    this.open.add(watch);
    return () => this.open.delete(watch);
  }

  get size(): number {
    return this.open.size;
  }

  all(): OpenWatch[] {
    return [...this.open];
  }

  closeAll(): void {
    for (const watch of this.all()) watch.close();
  }
}

export interface WatchSettings {
  bookmarkIntervalMs: number;
}

const defaultTimeoutSeconds = 1800;

export function serveWatch(context: RequestContext, response: ServerResponse, registry: WatchRegistry, settings: WatchSettings): void {
  const { type, namespace } = context.request;
  const { store } = context.state;
  const { query } = context;
  const labels = parseLabelSelector(query.get('labelSelector'));
  const fields = parseFieldSelector(query.get('fieldSelector'));
  const matches = (o: KubeObject): boolean =>
    (namespace === undefined || o.metadata.namespace === namespace) && labels(o.metadata.labels ?? {}) && fields(o);
  const resourceVersion = query.get('resourceVersion') ?? '';
  if (resourceVersion !== '' && !/^\d+$/.test(resourceVersion)) throw badRequest(`invalid resource version: ${resourceVersion}`);
  const allowBookmarks = booleanParam(query, 'allowWatchBookmarks');
  const timeoutSeconds = Number(query.get('timeoutSeconds') ?? defaultTimeoutSeconds) || defaultTimeoutSeconds;
  const tableVersion = requestedTableVersion(context.headers.accept);
  let headersSent = false;

  const encode = (object: KubeObject): JsonObject => {
    if (!tableVersion) return object;
    const table = toTable(type, [object], { apiVersion: tableVersion, includeObject: includeObjectParam(query), now: new Date(), omitHeaders: headersSent });
    headersSent = true;
    return table;
  };
  let lastSeen = resourceVersion === '' ? store.currentResourceVersion : Number(resourceVersion);
  const write = (eventType: WatchEventType, object: JsonObject): void => {
    if (!response.writableEnded) response.write(`${JSON.stringify({ type: eventType, object })}\n`);
  };
  const bookmark = (annotations?: Record<string, string>): void => {
    const metadata: JsonObject = { resourceVersion: String(store.currentResourceVersion), creationTimestamp: null };
    if (annotations) metadata['annotations'] = annotations;
    write('BOOKMARK', { kind: type.kind, apiVersion: groupVersionOf(type), metadata });
  };
  /** One stored event as this watcher sees it through its selectors. */
  const deliver = (event: StoredEvent): void => {
    // By key, not identity: a CRD update replaces its ResourceType objects.
    if (resourceKey(event.resource) !== resourceKey(type)) return;
    lastSeen = event.resourceVersion;
    const now = matches(event.object);
    const before = event.previous ? matches(event.previous) : false;
    if (event.type === 'MODIFIED') {
      if (now && before) write('MODIFIED', encode(event.object));
      else if (now) write('ADDED', encode(event.object));
      else if (before) write('DELETED', encode(event.object));
    } else if (now) {
      write(event.type, encode(event.object));
    }
  };

  response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
  response.flushHeaders();

  if (booleanParam(query, 'sendInitialEvents')) {
    for (const object of store.list(type, namespace).filter(matches)) write('ADDED', encode(object));
    if (allowBookmarks) bookmark({ 'k8s.io/initial-events-end': 'true' });
  } else if (resourceVersion === '' || resourceVersion === '0') {
    for (const object of store.list(type, namespace).filter(matches)) write('ADDED', encode(object));
  } else {
    const history = store.eventsSince(type, Number(resourceVersion));
    if (!history) {
      const error = expired(`too old resource version: ${resourceVersion} (${store.oldestWatchableVersion})`);
      write('ERROR', error.status);
      response.end();
      return;
    }
    history.forEach(deliver);
  }

  const unsubscribe = store.subscribe(deliver);
  const bookmarkTimer = allowBookmarks ? setInterval(() => bookmark(), settings.bookmarkIntervalMs) : undefined;
  const timeoutTimer = setTimeout(() => {
    if (allowBookmarks) bookmark();
    close();
  }, timeoutSeconds * 1000);
  const stop = (): void => {
    unsubscribe();
    clearInterval(bookmarkTimer);
    clearTimeout(timeoutTimer);
    unregister();
  };
  const close = (): void => {
    stop();
    if (!response.writableEnded) response.end();
  };
  const unregister = registry.add({
    close,
    expire: (oldest) => {
      write('ERROR', expired(`too old resource version: ${lastSeen} (${oldest})`).status);
      close();
    },
    drop: () => {
      stop();
      response.socket?.destroy();
    },
  });
  response.on('close', close);
}
