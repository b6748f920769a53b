import { KubeConfig } from '@kubernetes/client-node';

export interface KubeTarget {
  /** Empty or undefined: $KUBECONFIG, then ~/.kube/config. */
  readonly kubeconfig?: string;
  /** Empty or undefined: the kubeconfig's current context. */
  readonly context?: string;
}

/** Loads the user's kubeconfig; throws a readable Error when the context does not exist. */
export function loadKubeConfig(target: KubeTarget): KubeConfig {
  const kc = new KubeConfig();
  if (target.kubeconfig) kc.loadFromFile(target.kubeconfig);
  else kc.loadFromDefault();
  if (target.context) {
    if (!kc.getContexts().some((c) => c.name === target.context)) {
      throw new Error(`context "${target.context}" not found in kubeconfig`);
    }
    kc.setCurrentContext(target.context);
  }
  if (!kc.getCurrentCluster()) throw new Error('the kubeconfig has no current cluster');
  return kc;
}
