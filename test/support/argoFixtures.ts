import type { KubeObject } from '../../src/core/ports';

// An Argo CD Application as the controller leaves it, and its CRD as Argo CD installs it
// (no status subresource): shared by the Argo CD mode tests of the core and of the CLI.

export const repoURL = 'https://github.com/example/gitops.git';
export const shaOld = '1111111111111111111111111111111111111111';
export const shaNew = 'abc1234def5678abc1234def5678abc1234def56';

export const applicationCrd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'applications.argoproj.io' },
  spec: {
    group: 'argoproj.io',
    names: { kind: 'Application', listKind: 'ApplicationList', plural: 'applications', singular: 'application', shortNames: ['app', 'apps'] },
    scope: 'Namespaced',
    versions: [{ name: 'v1alpha1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
  },
};

export function application(name: string, automated: boolean, path = 'apps/guestbook/overlays/staging'): KubeObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace: 'argocd' },
    spec: {
      project: 'default',
      source: { repoURL, path, targetRevision: 'main' },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'guestbook' },
      syncPolicy: { ...(automated ? { automated: { prune: true, selfHeal: true } } : {}), syncOptions: ['CreateNamespace=true'] },
    },
    status: {
      sync: { status: 'OutOfSync', revision: shaNew, comparedTo: { source: { repoURL, path, targetRevision: 'main' } } },
      health: { status: 'Healthy' },
      resources: [
        { group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'guestbook', name: 'guestbook', status: 'OutOfSync', health: { status: 'Healthy' } },
        { version: 'v1', kind: 'Service', namespace: 'guestbook', name: 'guestbook', status: 'Synced', health: { status: 'Healthy' } },
      ],
      operationState: {
        operation: { sync: { revision: shaOld }, initiatedBy: { automated: true } },
        phase: 'Succeeded', message: 'successfully synced (all tasks run)', startedAt: '2026-01-01T10:00:00Z', finishedAt: '2026-01-01T10:00:05Z',
        syncResult: { revision: shaOld, resources: [] },
      },
      history: [
        { id: 1, revision: '0000000000000000000000000000000000000000', deployedAt: '2025-12-01T10:00:00Z', source: { repoURL, path, targetRevision: 'main' } },
        { id: 2, revision: shaOld, deployedAt: '2026-01-01T10:00:05Z', source: { repoURL, path, targetRevision: 'main' } },
      ],
    },
  };
}

