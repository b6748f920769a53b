// Argo CD objects for test/support/repoGenerator.ts: how the generated overlays get deployed.

/** Argo CD: one ApplicationSet per cluster (git directory generator over that cluster's overlays) and its cluster Secret. */
export function clusterFiles(cluster: string, env: string, repoUrl: string): Record<string, string> {
  return {
    'cluster-secret.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: cluster-${cluster}
  namespace: argocd
  labels: {argocd.argoproj.io/secret-type: cluster, environment: ${env}}
stringData:
  name: ${cluster}
  server: https://${cluster}.k8s.example.com
`,
    'applicationset.yaml': `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: ${cluster}-apps
  namespace: argocd
spec:
  goTemplate: true
  generators:
    - git:
        repoURL: ${repoUrl}
        revision: HEAD
        directories:
          - path: apps/*/overlays/${cluster}
  template:
    metadata:
      name: '{{index .path.segments 1}}-${cluster}'
      labels: {environment: ${env}}
    spec:
      project: default
      source: {repoURL: ${repoUrl}, targetRevision: HEAD, path: '{{.path.path}}'}
      destination: {name: ${cluster}, namespace: '{{index .path.segments 1}}-${env}'}
      syncPolicy: {automated: {prune: true, selfHeal: true}}
`,
  };
}

/** The root app-of-apps, and a matrix (list × clusters) ApplicationSet for the shared platform add-ons. */
export function argoRootFiles(repoUrl: string, envs: readonly string[]): Record<string, string> {
  return {
    'root.yaml': `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: root
  namespace: argocd
spec:
  project: default
  source: {repoURL: ${repoUrl}, targetRevision: HEAD, path: clusters, directory: {recurse: true}}
  destination: {server: https://kubernetes.default.svc, namespace: argocd}
`,
    'platform-appset.yaml': `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: platform
  namespace: argocd
spec:
  generators:
    - matrix:
        generators:
          - list:
              elements: [{addon: monitoring}, {addon: hardening}]
          - clusters:
              selector:
                matchExpressions: [{key: environment, operator: In, values: [${envs.join(', ')}]}]
  template:
    metadata:
      name: '{{addon}}-{{name}}'
    spec:
      project: default
      source: {repoURL: ${repoUrl}, targetRevision: HEAD, path: 'components/{{addon}}'}
      destination: {server: '{{server}}', namespace: platform}
`,
  };
}
