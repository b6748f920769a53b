// Everything one emulated cluster holds: the store, address allocators and the objects a
// fresh cluster starts with (its four namespaces and the CRDs of the custom kinds it serves).
import { randomUUID } from 'node:crypto';
import { ObjectStore } from './objectStore';
import { rfc3339, type KubeObject } from './objects';
import { findKind, resourceTypes } from './resourceTable';

export const defaultNamespaces = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export class ClusterState {
  readonly store: ObjectStore;
  private nextServiceIp = 1;

  constructor(options: { watchHistoryLimit?: number } = {}) {
    this.store = new ObjectStore(options.watchHistoryLimit);
    this.seed(new Date());
  }

  /** ClusterIPs from 10.96.0.0/12; .1 is the kubernetes Service. */
  allocateClusterIp(): string {
    const n = this.nextServiceIp++;
    return `10.96.${Math.floor(n / 254)}.${(n % 254) + 1}`;
  }

  private seed(now: Date): void {
    const namespaceType = findKind('v1', 'Namespace');
    const crdType = findKind('apiextensions.k8s.io/v1', 'CustomResourceDefinition');
    if (!namespaceType || !crdType) throw new Error('resource table lacks Namespace or CustomResourceDefinition');
    const system = (apiVersion: string, kind: string, name: string): KubeObject => ({
      apiVersion, kind,
      metadata: { name, uid: randomUUID(), creationTimestamp: rfc3339(now) },
    });
    for (const name of defaultNamespaces) {
      const ns = system('v1', 'Namespace', name);
      ns.metadata.labels = { 'kubernetes.io/metadata.name': name };
      ns['spec'] = { finalizers: ['kubernetes'] };
      ns['status'] = { phase: 'Active' };
      this.store.put(namespaceType, ns);
    }
    // kubectl's field-validation check looks custom kinds up among the CRDs.
    for (const type of resourceTypes.filter((t) => !t.builtin)) {
      const crd = system('apiextensions.k8s.io/v1', 'CustomResourceDefinition', `${type.plural}.${type.group}`);
      crd.metadata.generation = 1;
      crd['spec'] = {
        group: type.group,
        names: { kind: type.kind, listKind: `${type.kind}List`, plural: type.plural, singular: type.singular, shortNames: type.shortNames ?? [] },
        scope: type.namespaced ? 'Namespaced' : 'Cluster',
        versions: [{ name: type.version, served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
      };
      crd['status'] = {
        acceptedNames: { kind: type.kind, listKind: `${type.kind}List`, plural: type.plural, singular: type.singular },
        conditions: [{ type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' }],
        storedVersions: [type.version],
      };
      this.store.put(crdType, crd);
    }
  }
}
