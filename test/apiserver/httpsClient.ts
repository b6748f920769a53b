// A minimal client for raw requests to the emulator (tests and demo seeding): no discovery,
// no retries, the body exactly as sent and received.
import { request as httpsRequest } from 'node:https';
import type { ApiServer } from './server';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RawRequestOptions {
  method?: string;
  body?: string | object;
  contentType?: string;
  accept?: string;
  /** Send no Authorization header (to test 401). */
  anonymous?: boolean;
  /** Another bearer token than the server's admin token. */
  token?: string;
}

export function rawRequest(server: Pick<ApiServer, 'url' | 'token' | 'caPem'>, path: string, options: RawRequestOptions = {}): Promise<RawResponse> {
  const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json' };
  if (!options.anonymous) headers['Authorization'] = `Bearer ${options.token ?? server.token}`;
  if (body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';
  return new Promise((resolve, reject) => {
    const req = httpsRequest(new URL(path, server.url), { method: options.method ?? 'GET', headers, ca: server.caPem }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
