// File templates for test/support/repoGenerator.ts: one app base, its overlays, shared components
// and the Argo CD objects that deploy them. Kept apart so the generator reads as a layout.

export interface AppParams {
  readonly app: string;
  readonly team: string;
  readonly port: number;
  /** Extra ConfigMaps/Secrets/ServiceAccounts, so overlays reach the requested resource count. */
  readonly extras: number;
}

export function baseFiles(p: AppParams): Record<string, string> {
  const extras = [...Array(p.extras).keys()];
  const files: Record<string, string> = {
    'kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
labels:
  - pairs: {app.kubernetes.io/name: ${p.app}, team: ${p.team}}
    includeSelectors: false
resources:
  - deployment.yaml
  - service.yaml
  - serviceaccount.yaml
  - hpa.yaml
  - ingress.yaml
${extras.map((i) => `  - extra-${i}.yaml`).join('\n')}
configMapGenerator:
  - name: ${p.app}-settings
    literals: [LOG_LEVEL=info, PORT=${p.port}]
`,
    'deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${p.app}
spec:
  replicas: 1
  selector:
    matchLabels: {app: ${p.app}}
  template:
    metadata:
      labels: {app: ${p.app}}
    spec:
      serviceAccountName: ${p.app}
      containers:
        - name: ${p.app}
          image: registry.example.com/${p.team}/${p.app}:0.1.0
          ports: [{name: http, containerPort: ${p.port}}]
          envFrom: [{configMapRef: {name: ${p.app}-settings}}]
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 256Mi}
`,
    'service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: ${p.app}
spec:
  selector: {app: ${p.app}}
  ports: [{name: http, port: 80, targetPort: http}]
`,
    'serviceaccount.yaml': `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${p.app}\n`,
    'hpa.yaml': `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${p.app}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${p.app}}
  minReplicas: 1
  maxReplicas: 4
  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 75}}}]
`,
    'ingress.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${p.app}
spec:
  rules:
    - host: ${p.app}.apps.example.com
      http:
        paths: [{path: /, pathType: Prefix, backend: {service: {name: ${p.app}, port: {name: http}}}}]
`,
  };
  for (const i of extras) {
    files[`extra-${i}.yaml`] = `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${p.app}-config-${i}
data:
  feature-${i}.properties: |
    enabled=${i % 2 === 0}
    limit=${100 + i}
`;
  }
  return files;
}

export interface OverlayParams {
  readonly app: string;
  readonly env: string;
  readonly cluster: string;
  /** Image name as the base writes it. */
  readonly image: string;
  readonly tag: string;
  readonly replicas: number;
  readonly components: readonly string[];
  readonly memory: string;
}

export function overlayFiles(p: OverlayParams): Record<string, string> {
  return {
    'kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: ${p.app}-${p.env}
resources:
  - ../../base
${p.components.length ? `components:\n${p.components.map((c) => `  - ../../../../components/${c}`).join('\n')}\n` : ''}images:
  - name: ${p.image}
    newTag: "${p.tag}"
replicas:
  - name: ${p.app}
    count: ${p.replicas}
commonAnnotations:
  example.com/cluster: ${p.cluster}
patches:
  - path: resources.yaml
  - target: {kind: HorizontalPodAutoscaler, name: ${p.app}}
    patch: |-
      - op: replace
        path: /spec/maxReplicas
        value: ${p.replicas * 3}
configMapGenerator:
  - name: ${p.app}-settings
    behavior: merge
    literals: [ENVIRONMENT=${p.env}, CLUSTER=${p.cluster}]
`,
    'resources.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${p.app}
spec:
  template:
    spec:
      containers:
        - name: ${p.app}
          resources:
            limits: {memory: ${p.memory}}
`,
  };
}

/** Shared kustomize Components the overlays opt into. */
export const componentFiles: Record<string, Record<string, string>> = {
  monitoring: {
    'kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
resources:
  - servicemonitor-config.yaml
patches:
  - target: {kind: Deployment}
    patch: |-
      - op: add
        path: /spec/template/metadata/annotations
        value: {prometheus.io/scrape: "true", prometheus.io/port: "9090"}
`,
    'servicemonitor-config.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: scrape-config
data:
  interval: 30s
`,
  },
  hardening: {
    'kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
patches:
  - target: {kind: Deployment}
    patch: |-
      - op: add
        path: /spec/template/spec/securityContext
        value: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
`,
  },
};
