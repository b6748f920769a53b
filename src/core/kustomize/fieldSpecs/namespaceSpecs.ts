import type { FieldSpec } from './fieldSpec';

// Namespace fields beyond metadata.namespace, which the namespace transformer sets itself
// for namespaced kinds (kustomize v5.7.1). metadata/name entries apply to apiVersion v1 only.

export const namespaceSpecs: readonly FieldSpec[] = [
  { path: 'metadata/name', kind: 'Namespace', create: true },
  { path: 'spec/service/namespace', group: 'apiregistration.k8s.io', kind: 'APIService', create: true },
  { path: 'spec/conversion/webhook/clientConfig/service/namespace', group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' },
];
