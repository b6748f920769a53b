import { render } from '../src/core/kustomize/render';
import { diffRendered } from '../src/core/diff/diffRendered';
import type { KubeObject } from '../src/core/ports';
import { MemoryFileSystem } from '../test/support/memoryFileSystem';
import { timeMs, type BenchRow } from './table';

const pairs = 5000;

/** 5,000 Deployments rendered with provenance and compared with live copies carrying defaults, status and managedFields. */
export async function benchDiffPairs(): Promise<BenchRow> {
  const docs: string[] = [];
  for (let i = 0; i < pairs; i++) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  labels: {app: app-${i}, tier: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: app-${i}}}
  template:
    metadata: {labels: {app: app-${i}}}
    spec:
      containers:
        - name: api
          image: registry.example.com/app-${i}:1.0.${i}
          ports: [{containerPort: 8080, name: http}]
          env: [{name: MODE, value: prod}, {name: INDEX, value: "${i}"}]
          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: "1", memory: 1Gi}}
`);
  }
  const fs = new MemoryFileSystem({ '/bench/kustomization.yaml': 'namespace: bench\nresources:\n  - all.yaml\n', '/bench/all.yaml': docs.join('---\n') });
  const rendered = await render(fs, '/bench');
  if (!rendered.ok) throw new Error('bench render failed');
  const live = new Map<string, KubeObject>();
  for (const r of rendered.value.resources) {
    const object = structuredClone(r.object) as unknown as KubeObject & { spec: { template: { spec: Record<string, unknown> } } };
    object.metadata = { ...object.metadata, uid: 'u', resourceVersion: '1', generation: 1, managedFields: [{ manager: 'driftline', operation: 'Apply', time: '2026-11-26T10:00:00Z', fieldsV1: { 'f:spec': { 'f:replicas': {} } } }] };
    Object.assign(object.spec.template.spec, { dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {} });
    (object as Record<string, unknown>)['status'] = { replicas: 2, readyReplicas: 2 };
    live.set(object.metadata.name, object);
  }
  const source = { get: async (ref: { name: string }) => live.get(ref.name) };
  await diffRendered(rendered.value, source);
  const ours = await timeMs(5, () => diffRendered(rendered.value, source));
  return { name: `diff ${pairs.toLocaleString('en')} desired/live pairs`, ours, unit: 'ms', budget: '≤ 250 ms', pass: ours <= 250 };
}
