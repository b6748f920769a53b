// Kinds kyaml knows to be cluster-scoped: its precomputed table from the Kubernetes 1.21
// OpenAPI (kyaml/openapi precomputedIsNamespaceScoped), keyed by group and kind. Anything
// else, custom resources and newer kinds such as ValidatingAdmissionPolicy included, is
// namespaced to kustomize; so is `apiVersion: v1, kind: ClusterRole` (kubectl-verified).

const clusterScopedByGroup: Readonly<Record<string, readonly string[]>> = {
  '': ['Namespace', 'Node', 'PersistentVolume', 'ComponentStatus'],
  'admissionregistration.k8s.io': ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
  'apiextensions.k8s.io': ['CustomResourceDefinition'],
  'apiregistration.k8s.io': ['APIService'],
  'authentication.k8s.io': ['TokenReview'],
  'authorization.k8s.io': ['SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview'],
  'certificates.k8s.io': ['CertificateSigningRequest'],
  'extensions': ['PodSecurityPolicy'],
  'flowcontrol.apiserver.k8s.io': ['FlowSchema', 'PriorityLevelConfiguration'],
  'internal.apiserver.k8s.io': ['StorageVersion'],
  'networking.k8s.io': ['IngressClass'],
  'node.k8s.io': ['RuntimeClass'],
  'policy': ['PodSecurityPolicy'],
  'rbac.authorization.k8s.io': ['ClusterRole', 'ClusterRoleBinding'],
  'scheduling.k8s.io': ['PriorityClass'],
  'storage.k8s.io': ['StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment'],
};

export function isClusterScoped(gvk: { readonly group: string; readonly kind: string }): boolean {
  return clusterScopedByGroup[gvk.group]?.includes(gvk.kind) ?? false;
}
