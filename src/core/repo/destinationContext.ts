import type { ClusterEntry, Destination, KubeconfigContext } from './model';

export const inClusterServer = 'https://kubernetes.default.svc';

export interface ContextResolution {
  readonly context?: string;
  /** Why there is no context, for the user. */
  readonly reason?: string;
}

function sameServer(a: string, b: string): boolean {
  const norm = (s: string): string => s.trim().toLowerCase().replace(/\/+$/, '').replace(/:443$/, '');
  return norm(a) === norm(b);
}

/**
 * The kubeconfig context a destination deploys to. The user's mapping wins (by server URL,
 * then by Argo CD cluster name); then a context whose cluster has the same server URL; a
 * destination given by name goes through the repo's cluster Secrets to its server first.
 * `https://kubernetes.default.svc` is Argo CD's own cluster, known only through the mapping.
 */
export function resolveContext(
  destination: Destination,
  contexts: readonly KubeconfigContext[],
  contextMap: Readonly<Record<string, string>>,
  clusters: readonly ClusterEntry[],
): ContextResolution {
  const server = destination.server ?? clusters.find((c) => c.name === destination.name)?.server;
  const clusterName = destination.name ?? clusters.find((c) => server !== undefined && sameServer(c.server, server))?.name;
  const mapped = Object.entries(contextMap).find(([key]) => (server !== undefined && sameServer(key, server)) || (clusterName !== undefined && key === clusterName));
  if (mapped) return { context: mapped[1] };
  if (server === undefined) {
    const byName = contexts.find((c) => c.name === destination.name);
    if (byName) return { context: byName.name };
    return { reason: destination.name ? `cluster "${destination.name}" is not declared in the repo` : 'no destination' };
  }
  const byServer = contexts.filter((c) => sameServer(c.server, server));
  if (byServer.length >= 1) return { context: byServer[0]?.name };
  if (sameServer(server, inClusterServer)) return { reason: 'in-cluster destination: map it to a context' };
  return { reason: `no kubeconfig context for ${server}` };
}
