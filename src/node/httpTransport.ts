import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { createSecureContext, type SecureContext } from 'node:tls';
import { KubeConfig } from '@kubernetes/client-node/dist/config.js';
import { KubeApiError, retryAfterOf, statusMessage } from './kubeApiError';

/**
 * Raw HTTP(S) to the API server with client-node's kubeconfig handling: CA, client certs,
 * tokens, exec and auth-provider plugins, and the cluster's `proxy-url` (all through
 * `applyToHTTPSOptions`). On 401 the credentials are thrown away and fetched again once —
 * the exec plugin caches tokens until their stated expiry, so a token revoked early
 * (or an EKS token past its 15 minutes while the clock said otherwise) would fail forever.
 */
export class HttpTransport {
  private tls: { readonly id: string; readonly context: SecureContext } | undefined;

  constructor(private kc: KubeConfig) {}

  get server(): URL {
    return new URL(this.kc.getCurrentCluster()?.server ?? 'https://localhost');
  }

  get config(): KubeConfig {
    return this.kc;
  }

  /** A JSON request; rejects with KubeApiError on a non-2xx answer. */
  async json(method: string, path: string, body?: string, contentType = 'application/json'): Promise<unknown> {
    const first = await this.send(method, path, body, contentType);
    if (first.status !== 401 || !this.hasRenewableCredentials()) return result(first);
    this.renewCredentials();
    return result(await this.send(method, path, body, contentType));
  }

  /** Opens a streaming GET; `onResponse` gets the response whatever its status. */
  async stream(path: string, onResponse: (response: IncomingMessage) => void, onError: (error: Error) => void): Promise<ClientRequest> {
    const options = await this.options('GET', path);
    const req = this.requestFn()(options, onResponse);
    req.on('error', onError);
    // TCP keep-alive lets the kernel notice a dead peer; the cache's stall timer covers the rest.
    req.on('socket', (socket) => socket.setKeepAlive(true, 30_000));
    req.end();
    return req;
  }

  /** Exec and auth-provider users get a fresh KubeConfig (and so a fresh token cache) on 401. */
  hasRenewableCredentials(): boolean {
    const user = this.kc.getCurrentUser();
    return Boolean(user?.exec || user?.authProvider);
  }

  renewCredentials(): void {
    const fresh = new KubeConfig();
    fresh.loadFromOptions({ clusters: this.kc.clusters, users: this.kc.users, contexts: this.kc.contexts, currentContext: this.kc.getCurrentContext() });
    this.kc = fresh;
  }

  private async send(method: string, path: string, body: string | undefined, contentType: string): Promise<{ status: number; text: string; retryAfter?: number }> {
    const options = await this.options(method, path, body ? { 'Content-Type': contentType } : {});
    return new Promise((resolve, reject) => {
      const req = this.requestFn()(options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), retryAfter: retryAfterOf(res.headers['retry-after']) }));
      });
      req.on('error', reject);
      // An idle socket, not a slow list: large lists keep data flowing.
      req.setTimeout(30_000, () => req.destroy(new Error(`request to ${this.server.host} timed out`)));
      if (body) req.write(body);
      req.end();
    });
  }

  private async options(method: string, path: string, headers: Record<string, string> = {}): Promise<RequestOptions> {
    const server = this.server;
    const options: RequestOptions = {
      method,
      protocol: server.protocol,
      hostname: server.hostname,
      port: server.port,
      path: `${server.pathname.replace(/\/$/, '')}${path}`,
      headers: { Accept: 'application/json', ...headers },
    };
    await this.kc.applyToHTTPSOptions(options);
    // tls.connect() takes it from the request's options (the Agent's own options carry none).
    if (server.protocol === 'https:') (options as RequestOptions & { secureContext?: SecureContext }).secureContext = this.secureContextFor(options);
    return options;
  }

  /**
   * client-node gives every request a new Agent, so every list and watch would build a TLS
   * context anew (parsing the CA and client key each time): on a repository with hundreds of
   * watched scopes that was seconds of the extension host's main thread. One per credentials.
   */
  private secureContextFor(options: RequestOptions): SecureContext | undefined {
    const { ca, cert, key, pfx, passphrase } = options;
    if (ca === undefined && cert === undefined && key === undefined && pfx === undefined) return undefined;
    const id = JSON.stringify([ca, cert, key, pfx, passphrase].map((part) => (part === undefined ? null : String(part))));
    if (this.tls?.id !== id) this.tls = { id, context: createSecureContext({ ca, cert, key, pfx, passphrase }) };
    return this.tls.context;
  }

  private requestFn(): typeof httpsRequest {
    return this.server.protocol === 'http:' ? httpRequest : httpsRequest;
  }
}

function result(response: { status: number; text: string; retryAfter?: number }): unknown {
  let parsed: unknown;
  try {
    parsed = response.text === '' ? {} : JSON.parse(response.text);
  } catch {
    parsed = { message: response.text.slice(0, 200) };
  }
  if (response.status >= 200 && response.status < 300) return parsed;
  throw new KubeApiError(response.status, statusMessage(parsed, response.status), response.retryAfter);
}
