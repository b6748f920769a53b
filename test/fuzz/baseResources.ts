import type { Random } from './random';
import { dataValue, images, labelValue, plainValues } from './values';

// Kubernetes objects of a typical app, with the references between them that kustomize
// fixes up (ConfigMap, Secret, ServiceAccount, Service and Deployment names).

export type Obj = Record<string, unknown>;

export interface AppResources {
  readonly app: string;
  readonly objects: Obj[];
  /** The kinds present, so overlays patch and replace only what exists. */
  readonly kinds: Set<string>;
}

const meta = (name: string, labels?: Obj): Obj => (labels ? { name, labels } : { name });

function container(rng: Random, app: string, withRefs: { config: boolean; secret: boolean }): Obj {
  const c: Obj = { name: app, image: rng.pick(images) };
  if (rng.chance(0.6)) c['ports'] = [{ name: 'http', containerPort: rng.pick([80, 8080, 9090]) }];
  const env: Obj[] = [{ name: 'LOG_LEVEL', value: rng.pick(plainValues) }];
  if (withRefs.config) env.push({ name: 'MODE', valueFrom: { configMapKeyRef: { name: `${app}-config`, key: 'mode' } } });
  if (withRefs.secret && rng.chance(0.5)) env.push({ name: 'TOKEN', valueFrom: { secretKeyRef: { name: `${app}-secret`, key: 'token' } } });
  if (rng.chance(0.8)) c['env'] = env;
  if (withRefs.config && rng.chance(0.4)) c['envFrom'] = [{ configMapRef: { name: `${app}-config` } }];
  if (rng.chance(0.5)) c['resources'] = { requests: { cpu: rng.pick(['100m', '250m', '1']), memory: rng.pick(['64Mi', '128Mi', '1Gi']) } };
  if (rng.chance(0.2)) c['args'] = ['--port=8080', rng.pick(['--verbose', '--config=/etc/app/config.yaml'])];
  return c;
}

function podSpec(rng: Random, app: string, refs: { config: boolean; secret: boolean; serviceAccount: boolean }): Obj {
  const spec: Obj = { containers: [container(rng, app, refs)] };
  const containers = spec['containers'] as Obj[];
  if (rng.chance(0.3)) containers.push({ name: 'sidecar', image: rng.pick(images), args: ['--proxy'] });
  if (rng.chance(0.2)) spec['initContainers'] = [{ name: 'init', image: rng.pick(images), command: ['sh', '-c', 'echo init'] }];
  if (refs.serviceAccount) spec['serviceAccountName'] = app;
  const volumes: Obj[] = [];
  if (refs.config && rng.chance(0.6)) volumes.push({ name: 'config', configMap: { name: `${app}-config` } });
  if (refs.secret && rng.chance(0.6)) volumes.push({ name: 'secret', secret: { secretName: `${app}-secret`, defaultMode: 420 } });
  if (volumes.length > 0) spec['volumes'] = volumes;
  return spec;
}

/** One app's objects: always a Deployment; the rest by chance. */
export function appResources(rng: Random, app: string, size: number): AppResources {
  const labels = { app };
  const refs = { config: rng.chance(0.7), secret: rng.chance(0.4), serviceAccount: rng.chance(0.4) };
  const objects: Obj[] = [];
  const add = (o: Obj): void => void objects.push(o);
  const workload = rng.chance(0.85) ? 'Deployment' : 'StatefulSet';
  const spec: Obj = { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: podSpec(rng, app, refs) } };
  if (rng.chance(0.6)) spec['replicas'] = rng.int(1, 3);
  if (workload === 'StatefulSet') spec['serviceName'] = app;
  add({ apiVersion: 'apps/v1', kind: workload, metadata: meta(app, labels), spec });
  const extra = (p: number): boolean => rng.chance(Math.min(0.95, p * size));
  if (extra(0.8)) add({ apiVersion: 'v1', kind: 'Service', metadata: meta(app, labels), spec: { selector: labels, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } });
  if (refs.config) add({ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(`${app}-config`), data: { mode: dataValue(rng), 'config.yaml': `port: 8080\nname: ${app}\n` } });
  if (refs.secret) add({ apiVersion: 'v1', kind: 'Secret', metadata: meta(`${app}-secret`), type: 'Opaque', stringData: { token: labelValue(rng) } });
  if (refs.serviceAccount) add({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(app) });
  if (refs.serviceAccount && extra(0.3)) {
    add({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: meta(`${app}-reader`), rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }] });
    add({
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: meta(`${app}-reader`),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: `${app}-reader` },
      subjects: [{ kind: 'ServiceAccount', name: app }],
    });
  }
  if (workload === 'Deployment' && extra(0.4)) {
    add({
      apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: meta(app),
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: app }, minReplicas: 2, maxReplicas: rng.int(3, 10) },
    });
  }
  if (extra(0.3)) add({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: meta(app), spec: { minAvailable: 1, selector: { matchLabels: labels } } });
  if (objects.some((o) => o['kind'] === 'Service') && extra(0.4)) {
    add({
      apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: app, annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' } },
      spec: { rules: [{ host: `${app}.example.com`, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: app, port: { number: 80 } } } }] } }], tls: [{ hosts: [`${app}.example.com`], secretName: `${app}-tls` }] },
    });
  }
  if (extra(0.3)) {
    add({
      apiVersion: 'batch/v1', kind: 'CronJob', metadata: meta(`${app}-cleanup`),
      spec: { schedule: rng.pick(['*/5 * * * *', '0 3 * * *', '@hourly']), jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'cleanup', image: rng.pick(images), args: ['cleanup'] }] } } } } },
    });
  }
  if (extra(0.3)) add({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: meta(app, labels), spec: { image: rng.pick(images), size: rng.int(1, 5), configRef: `${app}-config`, containers: [{ name: 'w', image: rng.pick(images) }] } });
  if (extra(0.2)) add({ apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: meta(`${app}-tls`), spec: { secretName: `${app}-tls`, dnsNames: [`${app}.example.com`], issuerRef: { name: 'letsencrypt', kind: 'ClusterIssuer' } } });
  if (extra(0.2)) {
    add({
      apiVersion: 'external-secrets.io/v1beta1', kind: 'ExternalSecret', metadata: meta(`${app}-external`),
      spec: { refreshInterval: '1h', secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' }, target: { name: `${app}-secret` }, data: [{ secretKey: 'token', remoteRef: { key: `apps/${app}`, property: 'token' } }] },
    });
  }
  return { app, objects, kinds: new Set(objects.map((o) => String(o['kind']))) };
}
