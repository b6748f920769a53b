// API groups served by Kubernetes itself. Their list semantics (keyed, set or
// atomic) are known from the built-in OpenAPI; any other group is a CRD whose
// schema we do not have, so its lists are atomic, as server-side apply treats them.

const builtinGroups: ReadonlySet<string> = new Set([
  '',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'apps',
  'autoscaling',
  'batch',
  'certificates.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'events.k8s.io',
  'extensions',
  'flowcontrol.apiserver.k8s.io',
  'networking.k8s.io',
  'node.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'resource.k8s.io',
  'scheduling.k8s.io',
  'storage.k8s.io',
]);

export function isBuiltinGroup(group: string): boolean {
  return builtinGroups.has(group);
}
