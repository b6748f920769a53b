import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { homedir } from 'node:os';
import { KubeConfig } from '@kubernetes/client-node/dist/config.js';
import type { Cluster, Context, User } from '@kubernetes/client-node/dist/config_types.js';

export interface KubeTarget {
  /** Empty or undefined: $KUBECONFIG, then ~/.kube/config. May list several files, like $KUBECONFIG. */
  readonly kubeconfig?: string;
  /** Empty or undefined: the kubeconfig's current context. */
  readonly context?: string;
}

/** What the loader reads from the environment; tests pass their own. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Loads the user's kubeconfig; throws a readable Error when the context does not exist. */
export function loadKubeConfig(target: KubeTarget, env: Environment = process.env): KubeConfig {
  const files = kubeconfigFiles(target.kubeconfig || env['KUBECONFIG'] || '', env);
  if (files.length === 0) throw new Error('no kubeconfig: set driftline.kubeconfig or $KUBECONFIG, or create ~/.kube/config');
  const kc = mergeKubeconfigs(files);
  if (target.context) {
    if (!kc.getContexts().some((c) => c.name === target.context)) {
      throw new Error(`context "${target.context}" not found in kubeconfig`);
    }
    kc.setCurrentContext(target.context);
  }
  if (!kc.getCurrentCluster()) throw new Error('the kubeconfig has no current cluster');
  return withEnvironmentProxy(kc, env);
}

/** The namespace the current context names, as kubectl uses for namespace-less objects. */
export function contextNamespace(kc: KubeConfig): string {
  return kc.getContextObject(kc.getCurrentContext())?.namespace || 'default';
}

function kubeconfigFiles(spec: string, env: Environment): string[] {
  if (spec === '') {
    const home = env['HOME'] || env['USERPROFILE'] || homedir();
    const fallback = join(home, '.kube', 'config');
    return existsSync(fallback) ? [fallback] : [];
  }
  // kubectl skips listed files that do not exist; an explicit single file must exist.
  const listed = spec.split(delimiter).filter((f) => f !== '');
  if (listed.length === 1) return listed;
  return listed.filter((f) => existsSync(f));
}

/**
 * kubectl's merge of several kubeconfig files (client-go `clientcmd` loading rules): the
 * first file to define a cluster, user or context name wins, and so does the first
 * current-context. client-node's own `loadFromDefault` throws on a repeated name and lets
 * later files override current-context, so the same $KUBECONFIG would pick another
 * cluster than kubectl does. Relative paths resolve against the file that holds them.
 */
export function mergeKubeconfigs(files: readonly string[]): KubeConfig {
  const clusters = new Map<string, Cluster>();
  const users = new Map<string, User>();
  const contexts = new Map<string, Context>();
  let currentContext = '';
  for (const file of files) {
    const kc = new KubeConfig();
    kc.loadFromFile(file);
    for (const c of kc.clusters) if (!clusters.has(c.name)) clusters.set(c.name, c);
    for (const u of kc.users) if (!users.has(u.name)) users.set(u.name, u);
    for (const c of kc.contexts) if (!contexts.has(c.name)) contexts.set(c.name, c);
    currentContext ||= kc.getCurrentContext() ?? '';
  }
  const merged = new KubeConfig();
  merged.loadFromOptions({ clusters: [...clusters.values()], users: [...users.values()], contexts: [...contexts.values()], currentContext });
  return merged;
}

/**
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY as Go's ProxyFromEnvironment reads them (kubectl does):
 * only when the cluster sets no `proxy-url`, never for localhost or loopback addresses.
 * client-node itself only knows `proxy-url`.
 */
export function withEnvironmentProxy(kc: KubeConfig, env: Environment): KubeConfig {
  const cluster = kc.getCurrentCluster();
  if (!cluster || cluster.proxyUrl) return kc;
  const proxy = proxyFor(new URL(cluster.server), env);
  if (!proxy) return kc;
  const clusters = kc.clusters.map((c) => (c.name === cluster.name ? { ...c, proxyUrl: proxy } : c));
  const out = new KubeConfig();
  out.loadFromOptions({ clusters, users: kc.users, contexts: kc.contexts, currentContext: kc.getCurrentContext() });
  return out;
}

export function proxyFor(server: URL, env: Environment): string | undefined {
  const pick = (name: string): string | undefined => env[name.toUpperCase()] || env[name.toLowerCase()] || undefined;
  const proxy = server.protocol === 'https:' ? pick('https_proxy') : pick('http_proxy');
  if (!proxy) return undefined;
  const host = server.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || /^127\./.test(host) || host === '::1') return undefined;
  const port = server.port || (server.protocol === 'https:' ? '443' : '80');
  for (const raw of (pick('no_proxy') ?? '').split(',')) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return undefined;
    const [pattern = '', entryPort] = entry.split(/:(?=\d+$)/);
    if (entryPort && entryPort !== port) continue;
    const suffix = pattern.replace(/^\*?\./, '');
    if (host === suffix || host.endsWith(`.${suffix}`) || (pattern.includes('/') && inCidr(host, pattern))) return undefined;
  }
  return proxy;
}

/** IPv4 CIDR only; IPv6 NO_PROXY ranges are rare enough to leave to exact matches. */
function inCidr(host: string, cidr: string): boolean {
  const [base = '', bitsText = ''] = cidr.split('/');
  const toInt = (ip: string): number | undefined => {
    const parts = ip.split('.').map(Number);
    return parts.length === 4 && parts.every((p) => Number.isInteger(p) && p >= 0 && p < 256) ? parts.reduce((a, p) => a * 256 + p, 0) : undefined;
  };
  const a = toInt(host);
  const b = toInt(base);
  const bits = Number(bitsText);
  if (a === undefined || b === undefined || !(bits >= 0 && bits <= 32)) return false;
  const size = 2 ** (32 - bits);
  return Math.floor(a / size) === Math.floor(b / size);
}
