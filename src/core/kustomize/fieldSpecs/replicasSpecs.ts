import type { FieldSpec } from './fieldSpec';

// kustomize v5.7.1's builtin replicas table: `configurations` may add custom kinds.

export const replicasSpecs: readonly FieldSpec[] = ['Deployment', 'ReplicationController', 'ReplicaSet', 'StatefulSet'].map((kind) => ({
  path: 'spec/replicas',
  kind,
  create: true,
}));
