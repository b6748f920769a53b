// The apiextensions controllers, shrunk: a stored CRD serves its kinds at once (the registry
// follows every CRD event), and a moment later its status reports the names accepted and
// the CRD Established, written through /status as kube-apiserver the way the real one does.
import type { ClusterState } from './clusterState';
import { isCrdType, typesFromCrd } from './crdTypes';
import type { StoredEvent } from './objectStore';
import { clone, isObject, rfc3339, type JsonObject, type KubeObject } from './objects';
import { commitWrite } from './writePipeline';

function desiredStatus(crd: KubeObject, now: string): JsonObject {
  const spec = isObject(crd['spec']) ? crd['spec'] : {};
  const names = isObject(spec['names']) ? clone(spec['names']) : {};
  const previous = isObject(crd['status']) ? crd['status'] : {};
  const stored = Array.isArray(previous['storedVersions']) ? previous['storedVersions'].filter((v) => typeof v === 'string') : [];
  const versions = Array.isArray(spec['versions']) ? spec['versions'].filter(isObject) : [];
  for (const v of versions) if (v['storage'] === true && typeof v['name'] === 'string' && !stored.includes(v['name'])) stored.push(v['name']);
  const oldConditions = Array.isArray(previous['conditions']) ? previous['conditions'].filter(isObject) : [];
  const since = (type: string): string => {
    const old = oldConditions.find((c) => c['type'] === type && c['status'] === 'True');
    return typeof old?.['lastTransitionTime'] === 'string' ? old['lastTransitionTime'] : now;
  };
  return {
    acceptedNames: names,
    conditions: [
      { type: 'NamesAccepted', status: 'True', lastTransitionTime: since('NamesAccepted'), reason: 'NoConflicts', message: 'no conflicts found' },
      { type: 'Established', status: 'True', lastTransitionTime: since('Established'), reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' },
    ],
    storedVersions: stored,
  };
}

export class CrdController {
  private readonly unsubscribe: () => void;
  private readonly pending = new Set<NodeJS.Immediate>();

  constructor(private readonly state: ClusterState) {
    this.unsubscribe = state.store.subscribe((event) => this.observe(event));
  }

  /** Serves the CRDs already in the store (after loading saved state). */
  serveStored(): void {
    const crdType = this.state.registry.require('apiextensions.k8s.io/v1', 'CustomResourceDefinition');
    for (const crd of this.state.store.list(crdType)) this.state.registry.serve(crd.metadata.name ?? '', typesFromCrd(crd));
  }

  close(): void {
    this.unsubscribe();
    for (const timer of this.pending) clearImmediate(timer);
  }

  private observe(event: StoredEvent): void {
    if (!isCrdType(event.resource)) return;
    const name = event.object.metadata.name ?? '';
    if (event.type === 'DELETED') {
      this.state.registry.unserve(name);
      return;
    }
    this.state.registry.serve(name, typesFromCrd(event.object));
    // Never write from inside a store event: other listeners have not seen this one yet.
    const timer = setImmediate(() => {
      this.pending.delete(timer);
      this.establish(event.resource, name);
    });
    this.pending.add(timer);
  }

  private establish(crdType: StoredEvent['resource'], name: string): void {
    const before = this.state.store.get(crdType, undefined, name);
    if (!before) return;
    const now = new Date();
    commitWrite({
      state: this.state, type: crdType, before, after: { ...clone(before), status: desiredStatus(before, rfc3339(now)) }, subresource: 'status',
      ownership: { operation: 'Update', manager: 'kube-apiserver' }, dryRun: false, now,
    });
  }
}
