// startApiServer: a Kubernetes API emulator (a test and demo double, never a real cluster)
// on HTTPS 127.0.0.1 with a fresh CA, bearer-token users with RBAC-like rules, CRDs served
// as they are applied, a minimal workload controller, fault injection and optional
// persistence; and a kubeconfig with one context per user.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminUserName, Authenticator, expiryOf, newToken, type ServedUser, type UserSpec } from './authorization';
import { generateServingCertificates, type ServingCertificates } from './certificates';
import { ClusterState } from './clusterState';
import { CrdController } from './crdController';
import { FaultInjector } from './faults';
import { contextName, userContextName, writeKubeconfig } from './kubeconfig';
import { loadIdentity, loadState, saveIdentity, StateSaver, type SavedIdentity } from './persistence';
import { createRequestHandler } from './requestHandler';
import { WatchRegistry } from './watchStream';
import { WorkloadController, type StuckWorkload } from './workloadController';

export type { PolicyRule, ServedUser, UserSpec } from './authorization';
export type { StuckWorkload } from './workloadController';

export interface ApiServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Where to write the kubeconfig; default a temp file removed on close. */
  kubeconfigPath?: string;
  /** Events kept for watch resumption; older resourceVersions get 410 Expired. */
  watchHistoryLimit?: number;
  /** How often watches that allow bookmarks receive one. */
  bookmarkIntervalMs?: number;
  /** Log each request to stderr (also DRIFTLINE_APISERVER_LOG=1). */
  log?: boolean;
  /** Users besides the admin, each with a context driftline-demo-<name> in the kubeconfig. */
  users?: UserSpec[];
  /** Workload rollouts go from progressing to complete after this long; default 300 ms. */
  rolloutDelayMs?: number;
  /** Workloads whose rollouts never finish (see workloadController.ts). */
  stuck?: StuckWorkload[];
  /** Keep objects, certificates and tokens here across restarts (see persistence.ts). */
  stateDir?: string;
}

export interface ApiServer {
  url: string;
  kubeconfigPath: string;
  /** The admin's token (cluster-admin; the only one allowed on /_driftline/*). */
  token: string;
  caPem: string;
  state: ClusterState;
  /** The admin first, then the configured users, tokens resolved. */
  users: readonly ServedUser[];
  auth: Authenticator;
  /** Fault injection (see faults.ts for the API). */
  faults: FaultInjector;
  /** The workload controller: rolloutDelayMs, stick/unstick. */
  workloads: WorkloadController;
  /** Watch streams currently open (tests poll this instead of sleeping). */
  openWatchCount(): number;
  /** Writes the state to stateDir now (no-op without one). */
  saveState(): Promise<void>;
  close(): Promise<void>;
}

async function resolveIdentity(options: ApiServerOptions): Promise<SavedIdentity> {
  const saved = options.stateDir ? await loadIdentity(options.stateDir) : undefined;
  const certificates: ServingCertificates = saved ?? generateServingCertificates();
  const userTokens: Record<string, string> = {};
  for (const user of options.users ?? []) userTokens[user.name] = user.token ?? saved?.userTokens[user.name] ?? newToken();
  const identity: SavedIdentity = {
    caPem: certificates.caPem, certPem: certificates.certPem, keyPem: certificates.keyPem,
    adminToken: saved?.adminToken ?? newToken(), userTokens,
  };
  if (options.stateDir) await saveIdentity(options.stateDir, identity);
  return identity;
}

function servedUsers(options: ApiServerOptions, identity: SavedIdentity): ServedUser[] {
  const admin: ServedUser = { name: adminUserName, token: identity.adminToken, context: contextName };
  return [admin, ...(options.users ?? []).map((spec) => {
    if (spec.name === adminUserName) throw new Error(`user name "${adminUserName}" is reserved for the built-in admin`);
    const user: ServedUser = { name: spec.name, token: identity.userTokens[spec.name] ?? newToken(), context: userContextName(spec.name) };
    if (spec.rules) user.rules = spec.rules;
    const expiresAt = expiryOf(spec.expiresAt);
    if (expiresAt !== undefined) user.expiresAt = expiresAt;
    return user;
  })];
}

export async function startApiServer(options: ApiServerOptions = {}): Promise<ApiServer> {
  const identity = await resolveIdentity(options);
  const users = servedUsers(options, identity);
  const admin = users[0] as ServedUser;
  const auth = new Authenticator(users);
  const historyLimit = options.watchHistoryLimit === undefined ? {} : { watchHistoryLimit: options.watchHistoryLimit };
  const state = new ClusterState({ ...historyLimit, empty: true });
  const crdController = new CrdController(state);
  const loaded = options.stateDir ? await loadState(options.stateDir, state, () => crdController.serveStored()) : false;
  if (!loaded) state.seedDefaults();
  const workloadOptions = { ...(options.rolloutDelayMs === undefined ? {} : { rolloutDelayMs: options.rolloutDelayMs }), ...(options.stuck ? { stuck: options.stuck } : {}) };
  const workloads = new WorkloadController(state, workloadOptions);
  if (loaded) workloads.resumeAll();
  const saver = options.stateDir ? new StateSaver(options.stateDir, state) : undefined;
  if (saver && !loaded) await saver.flush();
  const watches = new WatchRegistry();
  const faults = new FaultInjector(state, watches);
  let serverAddress = '';
  const handle = createRequestHandler({
    state, admin, auth, faults, workloads, watches,
    watchSettings: { bookmarkIntervalMs: options.bookmarkIntervalMs ?? 30_000 },
    log: options.log ?? process.env['DRIFTLINE_APISERVER_LOG'] === '1',
    serverAddress: () => serverAddress,
  });

  const server = createServer({ cert: identity.certPem, key: identity.keyPem }, (request, response) => {
    void handle(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  serverAddress = `127.0.0.1:${port}`;
  const url = `https://127.0.0.1:${port}`;
  const tempDir = options.kubeconfigPath ? undefined : await mkdtemp(join(tmpdir(), 'driftline-apiserver-'));
  const kubeconfigPath = options.kubeconfigPath ?? join(tempDir ?? '', 'kubeconfig');
  await writeKubeconfig(kubeconfigPath, { url, caPem: identity.caPem, users });

  let closing: Promise<void> | undefined;
  return {
    url, kubeconfigPath, token: admin.token, caPem: identity.caPem, state, users, auth, faults, workloads,
    openWatchCount: () => watches.size,
    saveState: () => saver?.flush() ?? Promise.resolve(),
    close: () => {
      closing ??= (async () => {
        workloads.close();
        crdController.close();
        watches.closeAll();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await saver?.close();
        if (tempDir) await rm(tempDir, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}
