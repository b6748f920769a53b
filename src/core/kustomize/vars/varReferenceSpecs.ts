// Where kustomize substitutes $(VAR) (api/konfig/builtinpluginconsts/varreference.go):
// container command/args/env values and volume mount paths of every pod template,
// a few Ingress, Service and NFS fields, and every resource's labels and annotations.

export interface VarReferenceSpec {
  /** Undefined: every kind. */
  readonly kind?: string;
  readonly path: readonly string[];
}

const containerFields = ['args', 'command', 'env/value', 'volumeMounts/mountPath'];
const podSpecPaths = (prefix: string): string[] => [
  ...['containers', 'initContainers'].flatMap((list) => containerFields.map((f) => `${prefix}/${list}/${f}`)),
  `${prefix}/volumes/nfs/server`,
];

const byKind: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['CronJob', podSpecPaths('spec/jobTemplate/spec/template/spec')],
  ['DaemonSet', podSpecPaths('spec/template/spec')],
  ['Deployment', podSpecPaths('spec/template/spec')],
  ['Ingress', ['spec/rules/host', 'spec/tls/hosts', 'spec/tls/secretName']],
  ['Job', podSpecPaths('spec/template/spec')],
  ['Pod', podSpecPaths('spec')],
  ['ReplicaSet', podSpecPaths('spec/template/spec')],
  ['Service', ['spec/ports/port', 'spec/ports/targetPort']],
  ['StatefulSet', [...podSpecPaths('spec/template/spec').filter((p) => !p.endsWith('nfs/server')), 'spec/volumeClaimTemplates/spec/nfs/server']],
  ['PersistentVolume', ['spec/nfs/server']],
];

export const varReferenceSpecs: readonly VarReferenceSpec[] = [
  ...byKind.flatMap(([kind, paths]) => paths.map((p) => ({ kind, path: p.split('/') }))),
  { path: ['metadata', 'labels'] },
  { path: ['metadata', 'annotations'] },
];
