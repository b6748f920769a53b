// The emulator's workload controller as kubectl sees it: rollouts progress, then finish after
// the rollout delay; `kubectl rollout status` waits for them; stuck objects never finish.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rawRequest } from '../apiserver/httpsClient';
import { startHarness, waitFor, webManifest, type Harness } from '../apiserver/testHarness';

let harness: Harness;

before(async () => {
  harness = await startHarness({ stuck: [{ kind: 'Deployment', namespace: 'stuck-at-start', name: 'web', mode: 'failed' }] });
});

after(async () => {
  await harness.close();
});

interface Condition { type: string; status: string; reason: string; message: string }
interface Workload {
  metadata: { generation: number; annotations?: Record<string, string> };
  spec: { replicas: number };
  status?: Record<string, unknown> & { conditions?: Condition[]; observedGeneration?: number };
}

function statefulSet(namespace: string, image: string): string {
  return `apiVersion: v1
kind: Namespace
metadata: {name: ${namespace}}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: ${namespace}}
spec:
  replicas: 2
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: postgres, image: '${image}'}]
`;
}

function job(namespace: string, name: string): string {
  return `apiVersion: batch/v1
kind: Job
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: migrate, image: 'migrate:1'}]
`;
}

async function status(namespace: string, resource: string): Promise<Workload> {
  return harness.getJson<Workload>(namespace, resource);
}

function condition(workload: Workload, type: string): Condition | undefined {
  return workload.status?.conditions?.find((c) => c.type === type);
}

test('a new Deployment progresses, then rollout status waits until it is available', async () => {
  const ns = 'rollout-new';
  harness.server.workloads.stick({ kind: 'Deployment', namespace: ns, name: 'web' });
  await harness.kubectlOk(['apply', '--server-side', '-f', '-'], webManifest(ns, 'nginx:1.27'));
  await waitFor(async () => (await status(ns, 'deployment/web')).status?.observedGeneration === 1, 'the controller to observe generation 1');
  const progressing = await status(ns, 'deployment/web');
  assert.deepEqual(condition(progressing, 'Progressing')?.reason, 'ReplicaSetUpdated');
  assert.match(condition(progressing, 'Progressing')?.message ?? '', /^ReplicaSet "web-[bcdfghjklmnpqrstvwxz2456789]+" is progressing\.$/);
  assert.equal(condition(progressing, 'Available')?.status, 'False');
  assert.equal(progressing.status?.['unavailableReplicas'], 2);
  assert.equal(progressing.metadata.annotations?.['deployment.kubernetes.io/revision'], '1');
  assert.match(await harness.kubectlOk(['-n', ns, 'get', 'deploy']), /^web\s+0\/2\s+2\s+0\s+\d+s$/m);
  const waiting = await harness.kubectl(['-n', ns, 'rollout', 'status', 'deployment/web', '--timeout=1s']);
  assert.equal(waiting.code, 1);
  assert.match(waiting.stdout, /Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available\.\.\./);
  assert.match(waiting.stderr, /error: timed out waiting for the condition/);

  const rollout = harness.kubectl(['-n', ns, 'rollout', 'status', 'deployment/web', '--timeout=20s']);
  harness.server.workloads.unstick({ kind: 'Deployment', namespace: ns, name: 'web' });
  const done = await rollout;
  assert.equal(done.code, 0, done.stderr);
  assert.match(done.stdout, /deployment "web" successfully rolled out\n$/);
  const available = await status(ns, 'deployment/web');
  assert.equal(condition(available, 'Available')?.status, 'True');
  assert.equal(condition(available, 'Progressing')?.reason, 'NewReplicaSetAvailable');
  assert.deepEqual([available.status?.['replicas'], available.status?.['updatedReplicas'], available.status?.['availableReplicas']], [2, 2, 2]);
});

test('set image starts a new revision: 1 of 2 replicas updated until the rollout finishes', async () => {
  const ns = 'rollout-update';
  await harness.kubectlOk(['apply', '--server-side', '-f', '-'], webManifest(ns, 'nginx:1.27'));
  await harness.kubectlOk(['-n', ns, 'rollout', 'status', 'deployment/web', '--timeout=20s']);
  const before = await status(ns, 'deployment/web');
  harness.server.workloads.stick({ kind: 'Deployment', namespace: ns, name: 'web' });
  await harness.kubectlOk(['-n', ns, 'set', 'image', 'deployment/web', 'nginx=nginx:1.28']);
  await waitFor(async () => (await status(ns, 'deployment/web')).status?.observedGeneration === 2, 'generation 2 observed');
  const updating = await status(ns, 'deployment/web');
  assert.equal(updating.metadata.annotations?.['deployment.kubernetes.io/revision'], '2');
  assert.notEqual(condition(updating, 'Progressing')?.message, condition(before, 'Progressing')?.message, 'a new ReplicaSet name');
  assert.equal(condition(updating, 'Available')?.status, 'True', 'the old replicas stay available');
  const waiting = await harness.kubectl(['-n', ns, 'rollout', 'status', 'deployment/web', '--timeout=1s']);
  assert.match(waiting.stdout, /Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated\.\.\./);
  harness.server.workloads.unstick({ kind: 'Deployment', namespace: ns, name: 'web' });
  assert.match(await harness.kubectlOk(['-n', ns, 'rollout', 'status', 'deployment/web', '--timeout=20s']), /successfully rolled out/);
  // Scaling is a spec change too, but not a new revision.
  await harness.kubectlOk(['-n', ns, 'scale', 'deployment/web', '--replicas=3']);
  await harness.kubectlOk(['-n', ns, 'rollout', 'status', 'deployment/web', '--timeout=20s']);
  const scaled = await status(ns, 'deployment/web');
  assert.equal(scaled.metadata.annotations?.['deployment.kubernetes.io/revision'], '2');
  assert.equal(scaled.status?.['availableReplicas'], 3);
});

test('a Deployment stuck with mode failed exceeds its progress deadline', async () => {
  const ns = 'stuck-at-start';
  await harness.kubectlOk(['apply', '--server-side', '-f', '-'], webManifest(ns, 'nginx:1.27'));
  const result = await harness.kubectl(['-n', ns, 'rollout', 'status', 'deployment/web', '--timeout=20s']);
  assert.equal(result.code, 1);
  assert.equal(result.stderr.trim(), 'error: deployment "web" exceeded its progress deadline');
  const deployment = await status(ns, 'deployment/web');
  assert.deepEqual(condition(deployment, 'Progressing') && { status: condition(deployment, 'Progressing')?.status, reason: condition(deployment, 'Progressing')?.reason },
    { status: 'False', reason: 'ProgressDeadlineExceeded' });
});

test('StatefulSets roll out revisions and scale through /scale', async () => {
  const ns = 'rollout-sts';
  await harness.kubectlOk(['apply', '--server-side', '-f', '-'], statefulSet(ns, 'postgres:16'));
  // updateStrategy.rollingUpdate.partition defaults to 0, so kubectl reports a partitioned roll out.
  const first = await harness.kubectlOk(['-n', ns, 'rollout', 'status', 'statefulset/db', '--timeout=20s']);
  assert.match(first, /partitioned roll out complete: 2 new pods have been updated\.\.\.\n$/);
  const firstRevision = (await status(ns, 'statefulset/db')).status?.['currentRevision'];
  assert.match(String(firstRevision), /^db-[bcdfghjklmnpqrstvwxz2456789]+$/);
  await harness.kubectlOk(['apply', '--server-side', '-f', '-'], statefulSet(ns, 'postgres:17'));
  await harness.kubectlOk(['-n', ns, 'rollout', 'status', 'statefulset/db', '--timeout=20s']);
  const sts = await status(ns, 'statefulset/db');
  assert.equal(sts.status?.['currentRevision'], sts.status?.['updateRevision']);
  assert.notEqual(sts.status?.['currentRevision'], firstRevision);
  assert.equal((await harness.kubectlOk(['-n', ns, 'scale', 'statefulset/db', '--replicas=4'])).trim(), 'statefulset.apps/db scaled');
  await harness.kubectlOk(['-n', ns, 'rollout', 'status', 'statefulset/db', '--timeout=20s']);
  const scaled = await status(ns, 'statefulset/db');
  assert.equal(scaled.spec.replicas, 4);
  assert.equal(scaled.status?.['readyReplicas'], 4);
  const scale = JSON.parse((await rawRequest(harness.server, `/apis/apps/v1/namespaces/${ns}/statefulsets/db/scale`)).body) as { spec: { replicas: number }; status: { replicas: number; selector: string } };
  assert.deepEqual([scale.spec.replicas, scale.status.replicas, scale.status.selector], [4, 4, 'app=db']);
});

test('DaemonSets and ReplicaSets become ready; Jobs complete, or fail when stuck', async () => {
  const ns = 'rollout-misc';
  await harness.kubectlOk(['create', 'namespace', ns]);
  await harness.kubectlOk(['apply', '--server-side', '-f', '-'], `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: agent, image: 'agent:1'}]}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: cache, namespace: ${ns}}
spec:
  replicas: 3
  selector: {matchLabels: {app: cache}}
  template:
    metadata: {labels: {app: cache}}
    spec: {containers: [{name: redis, image: 'redis:7'}]}
`);
  assert.equal((await harness.kubectlOk(['-n', ns, 'rollout', 'status', 'daemonset/agent', '--timeout=20s'])).trim().split('\n').pop(), 'daemon set "agent" successfully rolled out');
  await waitFor(async () => (await status(ns, 'replicaset/cache')).status?.['readyReplicas'] === 3, 'the ReplicaSet to be ready');

  harness.server.workloads.stick({ kind: 'Job', namespace: ns, name: 'broken', mode: 'failed' });
  await harness.kubectlOk(['apply', '--server-side', '-f', '-'], `${job(ns, 'migrate')}---\n${job(ns, 'broken')}`);
  assert.equal((await harness.kubectlOk(['-n', ns, 'wait', '--for=condition=Complete', '--timeout=20s', 'job/migrate'])).trim(), 'job.batch/migrate condition met');
  const done = await status(ns, 'job/migrate');
  assert.deepEqual(done.status?.conditions?.map((c) => [c.type, c.reason]), [['SuccessCriteriaMet', 'CompletionsReached'], ['Complete', 'CompletionsReached']]);
  assert.equal(done.status?.['succeeded'], 1);
  assert.equal((await harness.kubectlOk(['-n', ns, 'wait', '--for=condition=Failed', '--timeout=20s', 'job/broken'])).trim(), 'job.batch/broken condition met');
  assert.equal(condition(await status(ns, 'job/broken'), 'Failed')?.reason, 'BackoffLimitExceeded');
});

test('the admin endpoint sticks and unsticks workloads and sets the rollout delay', async () => {
  const ns = 'rollout-admin';
  const post = (body: object): ReturnType<typeof rawRequest> => rawRequest(harness.server, '/_driftline/workloads', { method: 'POST', body });
  assert.equal((await post({ action: 'stick', kind: 'Deployment', namespace: ns, name: 'web', mode: 'progressing' })).status, 200);
  await harness.kubectlOk(['apply', '--server-side', '-f', '-'], webManifest(ns, 'nginx:1.27'));
  const waiting = await harness.kubectl(['-n', ns, 'rollout', 'status', 'deployment/web', '--timeout=2s']);
  assert.equal(waiting.code, 1, 'still progressing');
  assert.equal((await post({ action: 'rolloutDelay', ms: 50 })).status, 200);
  assert.equal(harness.server.workloads.rolloutDelayMs, 50);
  assert.equal((await post({ action: 'unstick', kind: 'Deployment', namespace: ns, name: 'web' })).status, 200);
  await harness.kubectlOk(['-n', ns, 'rollout', 'status', 'deployment/web', '--timeout=20s']);
  const bad = await post({ action: 'stick', kind: 'Deployment', name: 'web', mode: 'sideways' });
  assert.equal(bad.status, 400);
  assert.equal((JSON.parse(bad.body) as { message: string }).message, 'mode: expected "progressing" or "failed"');
  harness.server.workloads.rolloutDelayMs = 300;
});
