import { loadKubeConfig } from './kubeConfigLoader';

export interface ContextSummary {
  readonly name: string;
  /** The cluster's server URL. */
  readonly cluster: string;
  readonly current: boolean;
}

/** The contexts of a kubeconfig (default location when `kubeconfig` is empty), for pickers. */
export function loadKubeConfigContexts(kubeconfig: string): ContextSummary[] {
  const kc = loadKubeConfig({ kubeconfig });
  const current = kc.getCurrentContext();
  return kc.getContexts().map((c) => ({ name: c.name, cluster: kc.getCluster(c.cluster)?.server ?? c.cluster, current: c.name === current }));
}
