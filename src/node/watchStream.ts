import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Disposable, KubeApiFailure, KubeObject, WatchHandlers, WatchOptions } from '../core/ports';
import type { HttpTransport } from './httpTransport';
import { retryAfterOf, statusMessage } from './kubeApiError';

interface RawEvent {
  type?: string;
  object?: KubeObject & { code?: unknown; message?: unknown };
}

/**
 * One `watch=true` stream as the port describes it. Written on node:https rather than
 * client-node's Watch, which reports non-200 answers without the Status message,
 * cannot tell an ERROR event from data, and (in 2.0) cuts every watch at 30 s.
 * Lines are newline-delimited JSON; ERROR events (410 Expired above all) end the
 * stream with their Status code.
 */
export function openWatchStream(
  transport: HttpTransport,
  path: string,
  typeMeta: { apiVersion: string; kind: string },
  options: WatchOptions,
  handlers: WatchHandlers,
): Disposable {
  let closed = false;
  let request: ClientRequest | undefined;
  const close = (error?: KubeApiFailure): void => {
    if (closed) return;
    closed = true;
    request?.destroy();
    handlers.onClose(error);
  };
  const query = new URLSearchParams({ watch: 'true' });
  if (options.resourceVersion) query.set('resourceVersion', options.resourceVersion);
  if (options.allowBookmarks) query.set('allowWatchBookmarks', 'true');
  if (options.timeoutSeconds !== undefined) query.set('timeoutSeconds', String(options.timeoutSeconds));

  const onResponse = (response: IncomingMessage): void => {
    if (closed) return void response.destroy();
    response.setEncoding('utf8');
    if (response.statusCode !== 200) return readFailure(response, close);
    handlers.onOpen?.();
    let pending = '';
    response.on('data', (chunk: string) => {
      pending += chunk;
      let newline = pending.indexOf('\n');
      while (newline >= 0 && !closed) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        if (line.trim() !== '') deliver(line);
        newline = pending.indexOf('\n');
      }
    });
    response.on('end', () => close());
    // 'aborted' / 'error': the connection died mid-stream (reset, proxy cut).
    response.on('error', (e) => close({ message: e.message }));
    response.on('close', () => close(response.complete ? undefined : { message: 'the watch connection was cut' }));
  };

  const deliver = (line: string): void => {
    let event: RawEvent;
    try {
      event = JSON.parse(line) as RawEvent;
    } catch {
      return close({ message: `unreadable watch event: ${line.slice(0, 80)}` });
    }
    const { type, object } = event;
    if (!object || typeof object !== 'object') return;
    if (type === 'ERROR') {
      const code = typeof object.code === 'number' ? object.code : undefined;
      return close({ ...(code === undefined ? {} : { code }), message: typeof object.message === 'string' ? object.message : 'watch error' });
    }
    if (type !== 'ADDED' && type !== 'MODIFIED' && type !== 'DELETED' && type !== 'BOOKMARK') return;
    // Events of built-in kinds may omit the type meta, as list items do.
    object.apiVersion ||= typeMeta.apiVersion;
    object.kind ||= typeMeta.kind;
    handlers.onEvent(type, object);
  };

  transport
    .stream(`${path}?${query}`, onResponse, (e) => close({ message: e.message }))
    .then((req) => {
      if (closed) req.destroy();
      else request = req;
    })
    .catch((e: unknown) => close({ message: e instanceof Error ? e.message : String(e) }));

  return {
    dispose: () => {
      // Disposal is silent: the owner already knows.
      closed = true;
      request?.destroy();
    },
  };
}

function readFailure(response: IncomingMessage, close: (error: KubeApiFailure) => void): void {
  const code = response.statusCode ?? 0;
  let text = '';
  response.on('data', (chunk: string) => (text += chunk));
  const finish = (): void => {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      // 429 from priority-and-fairness is plain text.
      body = { message: text.trim().slice(0, 200) || undefined };
    }
    const retryAfterSeconds = retryAfterOf(response.headers['retry-after']);
    close({ code, message: statusMessage(body, code), ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });
  };
  response.on('end', finish);
  response.on('error', finish);
}
