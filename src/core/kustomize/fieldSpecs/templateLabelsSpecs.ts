import type { FieldSpec } from './fieldSpec';

// Where `labels` entries with includeTemplates write: metadata and pod/claim templates,
// never selectors (kustomize v5.7.1 builtin templateLabels table).

export const templateLabelsSpecs: readonly FieldSpec[] = [
  { path: 'metadata/labels', create: true },
  { path: 'spec/template/metadata/labels', version: 'v1', kind: 'ReplicationController', create: true },
  { path: 'spec/template/metadata/labels', kind: 'Deployment', create: true },
  { path: 'spec/template/metadata/labels', kind: 'ReplicaSet', create: true },
  { path: 'spec/template/metadata/labels', kind: 'DaemonSet', create: true },
  { path: 'spec/template/metadata/labels', group: 'apps', kind: 'StatefulSet', create: true },
  { path: 'spec/volumeClaimTemplates[]/metadata/labels', group: 'apps', kind: 'StatefulSet', create: true },
  { path: 'spec/template/metadata/labels', group: 'batch', kind: 'Job', create: true },
  { path: 'spec/jobTemplate/metadata/labels', group: 'batch', kind: 'CronJob', create: true },
  { path: 'spec/jobTemplate/spec/template/metadata/labels', group: 'batch', kind: 'CronJob', create: true },
];
