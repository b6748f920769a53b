import type { JsonObject } from './objects';

// The emulator's type system, as data: one row per served resource. Discovery, OpenAPI,
// routing, defaulting and tables all read this table, so adding a kind is adding a row.

export interface ResourceType {
  group: string; // '' for the core group
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  /** Built-in types accept strategic merge patch and have list/map markers; CRs do not. */
  builtin: boolean;
  /** metadata.generation is kept and bumped on spec changes (workloads, CRs). */
  generation: boolean;
  /** Writes to the main resource ignore .status (status lives behind /status). */
  statusSubresource: boolean;
  /** Serves /scale (autoscaling/v1 Scale over spec.replicas). */
  scaleSubresource?: boolean;
  /**
   * Non-pointer structs the Go type always serializes, i.e. the shape of `new(Kind)`.
   * Update managedFields are computed against it on create, so these nodes get no "." marker.
   */
  emptyShape?: JsonObject;
  /** Custom resources: the served version's openAPIV3Schema (SSA list/map types come from it). */
  schema?: JsonObject;
  /** Custom resources: additionalPrinterColumns, or the default Age column. */
  printerColumns?: PrinterColumn[];
  /** Custom resources with a scale subresource: where the replica counts live. */
  scalePaths?: ScalePaths;
  /** Custom resources: the name of the CustomResourceDefinition that serves them. */
  definedBy?: string;
}

export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  format?: string;
  priority?: number;
}

export interface ScalePaths {
  specReplicasPath: string;
  statusReplicasPath: string;
  labelSelectorPath?: string;
}

const allVerbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
// PodSpec.containers has no omitempty: an empty pod spec serializes `containers: null`.
const podTemplateShape = { metadata: {}, spec: { containers: null } };
const workload = { builtin: true, generation: true, statusSubresource: true, categories: ['all'] };
const plain = { builtin: true, generation: false, statusSubresource: false };

/** The built-in kinds every cluster serves; CRDs add more at run time (resourceRegistry.ts). */
export const builtinResourceTypes: readonly ResourceType[] = [
  { group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', singular: 'namespace', namespaced: false, shortNames: ['ns'], ...plain, statusSubresource: true, emptyShape: { metadata: {}, spec: {}, status: {} } },
  { group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', singular: 'configmap', namespaced: true, shortNames: ['cm'], ...plain, emptyShape: { metadata: {} } },
  { group: '', version: 'v1', kind: 'Secret', plural: 'secrets', singular: 'secret', namespaced: true, ...plain, emptyShape: { metadata: {} } },
  { group: '', version: 'v1', kind: 'Service', plural: 'services', singular: 'service', namespaced: true, shortNames: ['svc'], categories: ['all'], ...plain, statusSubresource: true, emptyShape: { metadata: {}, spec: {}, status: { loadBalancer: {} } } },
  { group: '', version: 'v1', kind: 'ServiceAccount', plural: 'serviceaccounts', singular: 'serviceaccount', namespaced: true, shortNames: ['sa'], ...plain, emptyShape: { metadata: {} } },
  { group: '', version: 'v1', kind: 'Pod', plural: 'pods', singular: 'pod', namespaced: true, shortNames: ['po'], categories: ['all'], ...plain, statusSubresource: true, emptyShape: { metadata: {}, spec: { containers: null }, status: {} } },
  { group: '', version: 'v1', kind: 'PersistentVolumeClaim', plural: 'persistentvolumeclaims', singular: 'persistentvolumeclaim', namespaced: true, shortNames: ['pvc'], ...plain, statusSubresource: true, emptyShape: { metadata: {}, spec: { resources: {} }, status: {} } },
  { group: 'apps', version: 'v1', kind: 'Deployment', scaleSubresource: true, plural: 'deployments', singular: 'deployment', namespaced: true, shortNames: ['deploy'], ...workload, emptyShape: { metadata: {}, spec: { template: podTemplateShape, strategy: {} }, status: {} } },
  { group: 'apps', version: 'v1', kind: 'StatefulSet', scaleSubresource: true, plural: 'statefulsets', singular: 'statefulset', namespaced: true, shortNames: ['sts'], ...workload, emptyShape: { metadata: {}, spec: { template: podTemplateShape, updateStrategy: {} }, status: {} } },
  { group: 'apps', version: 'v1', kind: 'DaemonSet', plural: 'daemonsets', singular: 'daemonset', namespaced: true, shortNames: ['ds'], ...workload, emptyShape: { metadata: {}, spec: { template: podTemplateShape, updateStrategy: {} }, status: {} } },
  { group: 'apps', version: 'v1', kind: 'ReplicaSet', scaleSubresource: true, plural: 'replicasets', singular: 'replicaset', namespaced: true, shortNames: ['rs'], ...workload, emptyShape: { metadata: {}, spec: { template: podTemplateShape }, status: {} } },
  { group: 'batch', version: 'v1', kind: 'Job', plural: 'jobs', singular: 'job', namespaced: true, ...workload, emptyShape: { metadata: {}, spec: { template: podTemplateShape }, status: {} } },
  { group: 'batch', version: 'v1', kind: 'CronJob', plural: 'cronjobs', singular: 'cronjob', namespaced: true, shortNames: ['cj'], ...workload, emptyShape: { metadata: {}, spec: { jobTemplate: { metadata: {}, spec: { template: podTemplateShape } } }, status: {} } },
  { group: 'networking.k8s.io', version: 'v1', kind: 'Ingress', plural: 'ingresses', singular: 'ingress', namespaced: true, shortNames: ['ing'], ...plain, generation: true, statusSubresource: true, emptyShape: { metadata: {}, spec: {}, status: { loadBalancer: {} } } },
  { group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler', plural: 'horizontalpodautoscalers', singular: 'horizontalpodautoscaler', namespaced: true, shortNames: ['hpa'], categories: ['all'], ...plain, statusSubresource: true, emptyShape: { metadata: {}, spec: { scaleTargetRef: {} }, status: {} } },
  { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'Role', plural: 'roles', singular: 'role', namespaced: true, ...plain, emptyShape: { metadata: {} } },
  { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'RoleBinding', plural: 'rolebindings', singular: 'rolebinding', namespaced: true, ...plain, emptyShape: { metadata: {}, roleRef: {} } },
  { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'ClusterRole', plural: 'clusterroles', singular: 'clusterrole', namespaced: false, ...plain, emptyShape: { metadata: {} } },
  { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'ClusterRoleBinding', plural: 'clusterrolebindings', singular: 'clusterrolebinding', namespaced: false, ...plain, emptyShape: { metadata: {}, roleRef: {} } },
  { group: 'apiextensions.k8s.io', version: 'v1', kind: 'CustomResourceDefinition', plural: 'customresourcedefinitions', singular: 'customresourcedefinition', namespaced: false, shortNames: ['crd', 'crds'], ...plain, generation: true, statusSubresource: true, emptyShape: { metadata: {}, spec: { names: {} }, status: { acceptedNames: {} } } },
];

export const resourceVerbs: readonly string[] = allVerbs;

export function groupVersionOf(type: ResourceType): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}

/** `deployments.apps`, or `pods` for the core group: how Status messages name a resource. */
export function qualifiedResource(type: ResourceType): string {
  return type.group === '' ? type.plural : `${type.plural}.${type.group}`;
}

/** `Deployment.apps`, the spelling of Invalid (422) messages. */
export function qualifiedKind(type: ResourceType): string {
  return type.group === '' ? type.kind : `${type.kind}.${type.group}`;
}

export function subresourcesOf(type: ResourceType): string[] {
  return [...(type.statusSubresource ? ['status'] : []), ...(type.scaleSubresource ? ['scale'] : [])];
}

/** The storage identity of a resource, stable across CRD updates. */
export function resourceKey(type: Pick<ResourceType, 'group' | 'version' | 'plural'>): string {
  return `${type.group}/${type.version}/${type.plural}`;
}
