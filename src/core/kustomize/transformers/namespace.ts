import { isRecord } from '../../fieldPath';
import { kindOf } from '../resource';
import { stringField } from '../kustomization';
import type { TransformerInput } from './pipeline';

// Kinds kyaml knows to be cluster-scoped (kyaml/openapi precomputedIsNamespaceScoped).
// Unknown kinds, custom resources included, are treated as namespaced.
const clusterScopedKinds = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'ClusterRole', 'ClusterRoleBinding',
  'CustomResourceDefinition', 'APIService', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration',
  'CertificateSigningRequest', 'CSIDriver', 'CSINode', 'VolumeAttachment', 'PriorityClass', 'IngressClass',
  'RuntimeClass', 'PodSecurityPolicy', 'FlowSchema', 'PriorityLevelConfiguration', 'ComponentStatus',
]);

export function isClusterScoped(kind: string): boolean {
  return clusterScopedKinds.has(kind);
}

export function transformNamespace({ ctx, kustomization: k, resources }: TransformerInput): void {
  const namespace = stringField(k, 'namespace');
  if (namespace === undefined || namespace === '') return;
  const write = { ...k.at(k.data, 'namespace'), operation: 'namespace' };
  for (const r of resources) {
    const kind = kindOf(r);
    if (kind === 'Namespace' && r.object['apiVersion'] === 'v1') {
      r.object.metadata['name'] = namespace;
      ctx.provenance.record(r.object.metadata, 'name', write);
      continue;
    }
    if (isClusterScoped(kind)) continue;
    r.object.metadata['namespace'] = namespace;
    ctx.provenance.record(r.object.metadata, 'namespace', write);
    if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') {
      const subjects = r.object['subjects'];
      for (const s of Array.isArray(subjects) ? subjects : []) {
        // kustomize only moves subjects named `default` (the namespace's default ServiceAccount).
        if (isRecord(s) && s['name'] === 'default') {
          s['namespace'] = namespace;
          ctx.provenance.record(s, 'namespace', write);
        }
      }
    }
  }
}
