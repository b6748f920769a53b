// A first cut of the API's defaulting functions (k8s.io/kubernetes pkg/apis/*/v1/defaults.go),
// run on every write after decoding, so live objects look the way a real cluster shows them.
import { childObject, isObject, objectAt, type JsonObject, type JsonValue } from './objects';

type Defaulter = (object: JsonObject, context: DefaultingContext) => void;

export interface DefaultingContext {
  allocateClusterIp(): string;
}

function setDefault(target: JsonObject, key: string, value: JsonValue): void {
  if (target[key] === undefined) target[key] = value;
}

function defaultProbe(probe: JsonValue | undefined): void {
  if (!isObject(probe)) return;
  setDefault(probe, 'timeoutSeconds', 1);
  setDefault(probe, 'periodSeconds', 10);
  setDefault(probe, 'successThreshold', 1);
  setDefault(probe, 'failureThreshold', 3);
  const httpGet = probe['httpGet'];
  if (isObject(httpGet)) setDefault(httpGet, 'scheme', 'HTTP');
}

/** `:latest` or no tag pulls Always, a tag or digest IfNotPresent. */
function pullPolicyFor(image: JsonValue | undefined): string {
  if (typeof image !== 'string' || image.includes('@')) return 'IfNotPresent';
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.indexOf(':');
  return colon < 0 || lastSegment.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(container: JsonValue): void {
  if (!isObject(container)) return;
  setDefault(container, 'terminationMessagePath', '/dev/termination-log');
  setDefault(container, 'terminationMessagePolicy', 'File');
  setDefault(container, 'imagePullPolicy', pullPolicyFor(container['image']));
  setDefault(container, 'resources', {});
  for (const port of Array.isArray(container['ports']) ? container['ports'] : []) {
    if (isObject(port)) setDefault(port, 'protocol', 'TCP');
  }
  for (const env of Array.isArray(container['env']) ? container['env'] : []) {
    const fieldRef = isObject(env) ? objectAt(env, 'valueFrom', 'fieldRef') : undefined;
    if (fieldRef) setDefault(fieldRef, 'apiVersion', 'v1');
  }
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) defaultProbe(container[probe]);
}

export function defaultPodSpec(spec: JsonObject): void {
  for (const list of ['containers', 'initContainers']) {
    for (const container of Array.isArray(spec[list]) ? spec[list] : []) defaultContainer(container);
  }
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'schedulerName', 'default-scheduler');
  for (const volume of Array.isArray(spec['volumes']) ? spec['volumes'] : []) {
    if (!isObject(volume)) continue;
    for (const source of ['configMap', 'secret']) {
      const s = volume[source];
      if (isObject(s)) setDefault(s, 'defaultMode', 420);
    }
  }
}

function defaultPodTemplate(spec: JsonObject): void {
  const template = childObject(spec, 'template');
  defaultPodSpec(childObject(template, 'spec'));
}

const defaulters: Record<string, Defaulter> = {
  'apps/v1/Deployment': (o) => {
    const spec = childObject(o, 'spec');
    setDefault(spec, 'replicas', 1);
    const strategy = childObject(spec, 'strategy');
    setDefault(strategy, 'type', 'RollingUpdate');
    if (strategy['type'] === 'RollingUpdate') {
      const rolling = childObject(strategy, 'rollingUpdate');
      setDefault(rolling, 'maxUnavailable', '25%');
      setDefault(rolling, 'maxSurge', '25%');
    }
    setDefault(spec, 'revisionHistoryLimit', 10);
    setDefault(spec, 'progressDeadlineSeconds', 600);
    defaultPodTemplate(spec);
  },
  'apps/v1/StatefulSet': (o) => {
    const spec = childObject(o, 'spec');
    setDefault(spec, 'replicas', 1);
    setDefault(spec, 'podManagementPolicy', 'OrderedReady');
    const strategy = childObject(spec, 'updateStrategy');
    setDefault(strategy, 'type', 'RollingUpdate');
    if (strategy['type'] === 'RollingUpdate') setDefault(childObject(strategy, 'rollingUpdate'), 'partition', 0);
    setDefault(spec, 'revisionHistoryLimit', 10);
    setDefault(spec, 'persistentVolumeClaimRetentionPolicy', { whenDeleted: 'Retain', whenScaled: 'Retain' });
    defaultPodTemplate(spec);
  },
  'apps/v1/DaemonSet': (o) => {
    const spec = childObject(o, 'spec');
    const strategy = childObject(spec, 'updateStrategy');
    setDefault(strategy, 'type', 'RollingUpdate');
    if (strategy['type'] === 'RollingUpdate') {
      const rolling = childObject(strategy, 'rollingUpdate');
      setDefault(rolling, 'maxUnavailable', 1);
      setDefault(rolling, 'maxSurge', 0);
    }
    setDefault(spec, 'revisionHistoryLimit', 10);
    defaultPodTemplate(spec);
  },
  'apps/v1/ReplicaSet': (o) => {
    const spec = childObject(o, 'spec');
    setDefault(spec, 'replicas', 1);
    defaultPodTemplate(spec);
  },
  'batch/v1/Job': (o) => {
    const spec = childObject(o, 'spec');
    setDefault(spec, 'parallelism', 1);
    setDefault(spec, 'completions', 1);
    setDefault(spec, 'backoffLimit', 6);
    setDefault(spec, 'completionMode', 'NonIndexed');
    setDefault(spec, 'suspend', false);
    setDefault(spec, 'podReplacementPolicy', 'TerminatingOrFailed');
    defaultPodTemplate(spec);
  },
  'batch/v1/CronJob': (o) => {
    const spec = childObject(o, 'spec');
    setDefault(spec, 'concurrencyPolicy', 'Allow');
    setDefault(spec, 'suspend', false);
    setDefault(spec, 'successfulJobsHistoryLimit', 3);
    setDefault(spec, 'failedJobsHistoryLimit', 1);
    const jobSpec = childObject(childObject(spec, 'jobTemplate'), 'spec');
    defaultPodTemplate(jobSpec);
  },
  'v1/Pod': (o) => {
    defaultPodSpec(childObject(o, 'spec'));
    const spec = childObject(o, 'spec');
    setDefault(spec, 'enableServiceLinks', true);
    setDefault(spec, 'preemptionPolicy', 'PreemptLowerPriority');
    setDefault(spec, 'priority', 0);
  },
  'v1/Service': (o, context) => {
    const spec = childObject(o, 'spec');
    setDefault(spec, 'type', 'ClusterIP');
    setDefault(spec, 'sessionAffinity', 'None');
    if (spec['type'] !== 'ExternalName') {
      setDefault(spec, 'clusterIP', context.allocateClusterIp());
      setDefault(spec, 'clusterIPs', [spec['clusterIP'] ?? null]);
      if (spec['clusterIP'] !== 'None') {
        setDefault(spec, 'ipFamilies', ['IPv4']);
        setDefault(spec, 'ipFamilyPolicy', 'SingleStack');
      }
      setDefault(spec, 'internalTrafficPolicy', 'Cluster');
    }
    if (spec['type'] === 'NodePort' || spec['type'] === 'LoadBalancer') setDefault(spec, 'externalTrafficPolicy', 'Cluster');
    for (const port of Array.isArray(spec['ports']) ? spec['ports'] : []) {
      if (!isObject(port)) continue;
      setDefault(port, 'protocol', 'TCP');
      setDefault(port, 'targetPort', port['port'] ?? null);
    }
    setDefault(o, 'status', { loadBalancer: {} });
  },
  'v1/Secret': (o) => {
    setDefault(o, 'type', 'Opaque');
    // The registry folds stringData into data; stringData is write-only.
    const stringData = o['stringData'];
    if (isObject(stringData)) {
      const data = childObject(o, 'data');
      for (const [key, value] of Object.entries(stringData)) {
        if (typeof value === 'string') data[key] = Buffer.from(value).toString('base64');
      }
      delete o['stringData'];
    }
  },
  'v1/Namespace': (o) => {
    const metadata = childObject(o, 'metadata');
    const labels = childObject(metadata, 'labels');
    if (typeof metadata['name'] === 'string') labels['kubernetes.io/metadata.name'] = metadata['name'];
    setDefault(childObject(o, 'spec'), 'finalizers', ['kubernetes']);
    setDefault(o, 'status', { phase: 'Active' });
  },
  'apiextensions.k8s.io/v1/CustomResourceDefinition': (o) => {
    const spec = childObject(o, 'spec');
    const names = childObject(spec, 'names');
    if (typeof names['kind'] === 'string') {
      setDefault(names, 'singular', names['kind'].toLowerCase());
      setDefault(names, 'listKind', `${names['kind']}List`);
    }
    setDefault(spec, 'conversion', { strategy: 'None' });
  },
  'v1/PersistentVolumeClaim': (o) => {
    setDefault(childObject(o, 'spec'), 'volumeMode', 'Filesystem');
  },
};

export function applyDefaults(apiVersion: string, kind: string, object: JsonObject, context: DefaultingContext): void {
  defaulters[`${apiVersion}/${kind}`]?.(object, context);
}
