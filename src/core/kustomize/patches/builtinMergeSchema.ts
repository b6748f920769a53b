// The part of kyaml's embedded Kubernetes 1.21.2 OpenAPI (kyaml/openapi/kubernetesapi/v1_21_2)
// that strategic merge needs: which lists are merged element by element
// (`x-kubernetes-patch-strategy: merge`) and by which keys (`x-kubernetes-list-map-keys`,
// else `x-kubernetes-patch-merge-key`; none = a list of scalars merged by value).
// Every other list is replaced whole, as are all lists of kinds missing here (custom
// resources and kinds newer than 1.21, such as autoscaling/v2).

/** A list merged by keys; `element` names the type of its items when they hold merge lists themselves. */
export interface MergeListSpec {
  readonly keys: readonly string[];
  readonly element?: string;
}

/** A field either leads to a type with merge lists inside, or is itself a merge list. */
export type FieldSpec = string | MergeListSpec;

const list = (keys: readonly string[], element?: string): MergeListSpec => (element === undefined ? { keys } : { keys, element });
const conditions = { conditions: list(['type']) };

export const mergeTypes: Readonly<Record<string, Readonly<Record<string, FieldSpec>>>> = {
  ObjectMeta: { finalizers: list([]), ownerReferences: list(['uid']) },
  PodTemplateSpec: { metadata: 'ObjectMeta', spec: 'PodSpec' },
  PodSpec: {
    containers: list(['name'], 'Container'),
    initContainers: list(['name'], 'Container'),
    ephemeralContainers: list(['name'], 'Container'),
    volumes: list(['name']),
    imagePullSecrets: list(['name']),
    hostAliases: list(['ip']),
    topologySpreadConstraints: list(['topologyKey', 'whenUnsatisfiable']),
  },
  Container: {
    ports: list(['containerPort', 'protocol']),
    env: list(['name']),
    volumeMounts: list(['mountPath']),
    volumeDevices: list(['devicePath']),
  },
  PodStatus: { ...conditions, podIPs: list(['ip']) },
  WorkloadSpec: { template: 'PodTemplateSpec' },
  StatusWithConditions: conditions,
  JobTemplateSpec: { metadata: 'ObjectMeta', spec: 'WorkloadSpec' },
  CronJobSpec: { jobTemplate: 'JobTemplateSpec' },
  ServiceSpec: { ports: list(['port', 'protocol']) },
  NodeSpec: { podCIDRs: list([]) },
  NodeStatus: { ...conditions, addresses: list(['type']) },
  // Kinds, by their top-level fields.
  Object: { metadata: 'ObjectMeta' },
  Pod: { metadata: 'ObjectMeta', spec: 'PodSpec', status: 'PodStatus' },
  PodTemplate: { metadata: 'ObjectMeta', template: 'PodTemplateSpec' },
  Workload: { metadata: 'ObjectMeta', spec: 'WorkloadSpec', status: 'StatusWithConditions' },
  CronJob: { metadata: 'ObjectMeta', spec: 'CronJobSpec' },
  Service: { metadata: 'ObjectMeta', spec: 'ServiceSpec', status: 'StatusWithConditions' },
  ServiceAccount: { metadata: 'ObjectMeta', secrets: list(['name']) },
  Node: { metadata: 'ObjectMeta', spec: 'NodeSpec', status: 'NodeStatus' },
  WithStatusConditions: { metadata: 'ObjectMeta', status: 'StatusWithConditions' },
  ComponentStatus: { metadata: 'ObjectMeta', ...conditions },
  WebhookConfiguration: { metadata: 'ObjectMeta', webhooks: list(['name']) },
};

/** `apiVersion kind` of every kind in the 1.21.2 schema → its type above. */
export const schemaKinds: ReadonlyMap<string, string> = new Map(
  Object.entries({
    v1: {
      Pod: 'Pod', PodTemplate: 'PodTemplate', ReplicationController: 'Workload', Service: 'Service', ServiceAccount: 'ServiceAccount',
      Node: 'Node', Namespace: 'WithStatusConditions', PersistentVolumeClaim: 'WithStatusConditions', ComponentStatus: 'ComponentStatus',
      Binding: 'Object', ConfigMap: 'Object', Endpoints: 'Object', Event: 'Object', LimitRange: 'Object', PersistentVolume: 'Object',
      ResourceQuota: 'Object', Secret: 'Object',
    },
    'apps/v1': { Deployment: 'Workload', DaemonSet: 'Workload', ReplicaSet: 'Workload', StatefulSet: 'Workload', ControllerRevision: 'Object' },
    'batch/v1': { Job: 'Workload', CronJob: 'CronJob' },
    'batch/v1beta1': { CronJob: 'CronJob' },
    'policy/v1': { PodDisruptionBudget: 'WithStatusConditions' },
    'policy/v1beta1': { PodDisruptionBudget: 'WithStatusConditions', PodSecurityPolicy: 'Object' },
    'admissionregistration.k8s.io/v1': { MutatingWebhookConfiguration: 'WebhookConfiguration', ValidatingWebhookConfiguration: 'WebhookConfiguration' },
    'admissionregistration.k8s.io/v1beta1': { MutatingWebhookConfiguration: 'WebhookConfiguration', ValidatingWebhookConfiguration: 'WebhookConfiguration' },
    'apiregistration.k8s.io/v1': { APIService: 'WithStatusConditions' },
    'apiregistration.k8s.io/v1beta1': { APIService: 'WithStatusConditions' },
    'apiextensions.k8s.io/v1': { CustomResourceDefinition: 'Object' },
    'apiextensions.k8s.io/v1beta1': { CustomResourceDefinition: 'Object' },
    'autoscaling/v1': { HorizontalPodAutoscaler: 'Object' },
    'autoscaling/v2beta1': { HorizontalPodAutoscaler: 'Object' },
    'autoscaling/v2beta2': { HorizontalPodAutoscaler: 'Object' },
    'certificates.k8s.io/v1': { CertificateSigningRequest: 'Object' },
    'certificates.k8s.io/v1beta1': { CertificateSigningRequest: 'Object' },
    'coordination.k8s.io/v1': { Lease: 'Object' },
    'coordination.k8s.io/v1beta1': { Lease: 'Object' },
    'discovery.k8s.io/v1': { EndpointSlice: 'Object' },
    'discovery.k8s.io/v1beta1': { EndpointSlice: 'Object' },
    'events.k8s.io/v1': { Event: 'Object' },
    'events.k8s.io/v1beta1': { Event: 'Object' },
    'extensions/v1beta1': { Ingress: 'Object' },
    'flowcontrol.apiserver.k8s.io/v1beta1': { FlowSchema: 'Object', PriorityLevelConfiguration: 'Object' },
    'networking.k8s.io/v1': { Ingress: 'Object', IngressClass: 'Object', NetworkPolicy: 'Object' },
    'networking.k8s.io/v1beta1': { Ingress: 'Object', IngressClass: 'Object' },
    'node.k8s.io/v1': { RuntimeClass: 'Object' },
    'node.k8s.io/v1beta1': { RuntimeClass: 'Object' },
    'rbac.authorization.k8s.io/v1': { ClusterRole: 'Object', ClusterRoleBinding: 'Object', Role: 'Object', RoleBinding: 'Object' },
    'rbac.authorization.k8s.io/v1beta1': { ClusterRole: 'Object', ClusterRoleBinding: 'Object', Role: 'Object', RoleBinding: 'Object' },
    'rbac.authorization.k8s.io/v1alpha1': { ClusterRole: 'Object', ClusterRoleBinding: 'Object', Role: 'Object', RoleBinding: 'Object' },
    'scheduling.k8s.io/v1': { PriorityClass: 'Object' },
    'scheduling.k8s.io/v1beta1': { PriorityClass: 'Object' },
    'storage.k8s.io/v1': { CSIDriver: 'Object', CSINode: 'Object', StorageClass: 'Object', VolumeAttachment: 'Object' },
    'storage.k8s.io/v1beta1': { CSIDriver: 'Object', CSINode: 'Object', CSIStorageCapacity: 'Object', StorageClass: 'Object', VolumeAttachment: 'Object' },
  }).flatMap(([apiVersion, kinds]) => Object.entries(kinds).map(([kind, type]): [string, string] => [`${apiVersion} ${kind}`, type])),
);
