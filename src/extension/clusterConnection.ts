import { ClusterCache } from '../core/cluster/clusterCache';
import { scopeId } from '../core/cluster/connectionState';
import type { Logger } from '../core/ports';
import { KubeClient } from '../node/kubeClient';
import { loadKubeConfig } from '../node/kubeConfigLoader';
import { systemClock, systemScheduler } from '../node/systemTime';
import { readSettings } from './settings';

export type ConnectionState = { readonly kind: 'connected'; readonly context: string } | { readonly kind: 'disconnected'; readonly reason: string } | { readonly kind: 'idle' };

/** What the connection tells the drift controller: a scope's objects changed, or (undefined) the connection did. */
export type ClusterChanged = (scope: string | undefined) => void;

/**
 * The cluster the settings name (kubeconfig + context): its client and its live cache.
 * Reconnecting drops the old cache, and with it every subscription.
 */
export class ClusterConnection {
  private cache: ClusterCache | undefined;
  private kube: KubeClient | undefined;
  state: ConnectionState = { kind: 'idle' };

  constructor(private readonly logger: Logger, private readonly changed: ClusterChanged) {}

  get live(): ClusterCache | undefined {
    return this.cache;
  }

  get client(): KubeClient | undefined {
    return this.kube;
  }

  connect(): void {
    const settings = readSettings();
    try {
      const kc = loadKubeConfig({ kubeconfig: settings.kubeconfig, context: settings.context });
      this.kube = new KubeClient(kc);
      this.cache = new ClusterCache({ kube: this.kube, clock: systemClock, scheduler: systemScheduler, logger: this.logger, context: this.kube.contextName });
      // Both end with the cache: its dispose drops every subscription.
      this.cache.onChange((change) => this.changed(scopeId(change.scope)));
      this.cache.onStateChange(() => this.changed(undefined));
      this.state = { kind: 'connected', context: this.kube.contextName };
      this.logger.info(`comparing with context ${this.kube.contextName} (${this.kube.server})`);
    } catch (e) {
      this.state = { kind: 'disconnected', reason: e instanceof Error ? e.message : String(e) };
      this.logger.warn(`no cluster: ${this.state.reason}`);
    }
  }

  reconnect(): void {
    this.dispose();
    this.connect();
  }

  /** A read failed: hints are stale until a diff succeeds again. */
  failed(reason: string): void {
    this.state = { kind: 'disconnected', reason };
    this.logger.warn(`cannot read the cluster: ${reason}`);
  }

  /** A diff succeeded: connected again unless the cache itself is behind. */
  succeeded(): void {
    if (this.state.kind === 'disconnected' && this.kube && this.cache && !this.cache.stale) this.state = { kind: 'connected', context: this.kube.contextName };
  }

  get stale(): boolean {
    return this.state.kind !== 'connected' || (this.cache?.stale ?? false);
  }

  dispose(): void {
    this.cache?.dispose();
    this.cache = undefined;
    this.kube = undefined;
  }
}
