// Everything one emulated cluster holds: what it serves, the store, address allocators and
// the objects a fresh cluster starts with (its four namespaces; no CRDs, like a new cluster).
import { randomUUID } from 'node:crypto';
import { ObjectStore } from './objectStore';
import { rfc3339, type KubeObject } from './objects';
import { ResourceRegistry } from './resourceRegistry';

export const defaultNamespaces = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export interface ClusterStateOptions {
  watchHistoryLimit?: number;
  /** Start empty instead of with the default namespaces (saved state is loaded instead). */
  empty?: boolean;
}

export class ClusterState {
  readonly store: ObjectStore;
  readonly registry = new ResourceRegistry();
  /** The next ClusterIP offset; saved with the state so restarts do not hand out duplicates. */
  nextServiceIp = 1;

  constructor(options: ClusterStateOptions = {}) {
    this.store = new ObjectStore(options.watchHistoryLimit);
    if (!options.empty) this.seedDefaults();
  }

  /** ClusterIPs from 10.96.0.0/12; .1 is the kubernetes Service. */
  allocateClusterIp(): string {
    const n = this.nextServiceIp++;
    return `10.96.${Math.floor(n / 254)}.${(n % 254) + 1}`;
  }

  /** The objects of a new cluster: the four default namespaces. */
  seedDefaults(now = new Date()): void {
    const namespaceType = this.registry.require('v1', 'Namespace');
    for (const name of defaultNamespaces) {
      const ns: KubeObject = {
        apiVersion: 'v1', kind: 'Namespace',
        metadata: { name, uid: randomUUID(), creationTimestamp: rfc3339(now), labels: { 'kubernetes.io/metadata.name': name } },
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
      };
      this.store.put(namespaceType, ns);
    }
  }
}
