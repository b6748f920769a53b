import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { compare } from '../../../src/core/diff/compare';
import type { IgnoreRule } from '../../../src/core/diff/ignoreRules';
import type { KubeObject, ManagedFieldsEntry } from '../../../src/core/ports';
import { Provenance } from '../../../src/core/provenance';
import type { Resource } from '../../../src/core/kustomize/resource';
import { fixturesDir } from '../../support/fixtures';

// Table-driven: each case in test/fixtures/diff/normalizationCases.yaml is one
// desired/live pair and the exact drift expected (see the file's header).

interface Case {
  name: string;
  kind?: string;
  desired?: Record<string, unknown>;
  live?: Record<string, unknown> | null;
  desiredPod?: Record<string, unknown>;
  livePod?: Record<string, unknown>;
  managedFields?: ManagedFieldsEntry[];
  lastApplied?: unknown;
  ignore?: IgnoreRule[];
  appliers?: string[];
  expect: 'Synced' | 'Missing' | string[];
  health?: string | null;
}

const apiVersions: Record<string, string> = {
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  Job: 'batch/v1',
  HorizontalPodAutoscaler: 'autoscaling/v2',
  Ingress: 'networking.k8s.io/v1',
  PodDisruptionBudget: 'policy/v1',
  Widget: 'example.com/v1',
};

const cases = parse(readFileSync(join(fixturesDir, 'diff', 'normalizationCases.yaml'), 'utf8')) as Case[];

function objectOf(c: Case, body: Record<string, unknown> | undefined, pod: Record<string, unknown> | undefined): Record<string, unknown> & { metadata: Record<string, unknown> } {
  const kind = c.kind ?? 'Deployment';
  const content = pod ? { spec: { template: { spec: pod } } } : (body ?? {});
  const metadata = { name: 'demo', namespace: 'default', ...(content['metadata'] as Record<string, unknown> | undefined) };
  return { apiVersion: apiVersions[kind] ?? 'v1', kind, ...content, metadata };
}

function liveOf(c: Case): KubeObject | undefined {
  if (c.live === null) return undefined;
  const live = objectOf(c, c.live, c.livePod) as KubeObject;
  if (c.managedFields) live.metadata.managedFields = c.managedFields;
  if (c.lastApplied !== undefined) {
    live.metadata['annotations'] = { ...(live.metadata['annotations'] as object | undefined), 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify(c.lastApplied) };
  }
  return live;
}

/** Every Secret value in the case, raw and decoded: none may appear in the diff. */
function secretValues(c: Case): string[] {
  const out: string[] = [];
  for (const side of [c.desired, c.live]) {
    for (const field of ['data', 'stringData']) {
      const map = side?.[field];
      if (map === null || typeof map !== 'object') continue;
      for (const v of Object.values(map as Record<string, string>)) out.push(v, Buffer.from(v, field === 'data' ? 'base64' : 'utf8').toString('base64'));
    }
  }
  return out.filter((v) => v.length >= 3);
}

test('the case table holds at least 100 pairs with unique names', () => {
  assert.ok(cases.length >= 100, `${cases.length} cases`);
  assert.equal(new Set(cases.map((c) => c.name)).size, cases.length);
});

for (const c of cases) {
  test(c.name, () => {
    const object = objectOf(c, c.desired, c.desiredPod);
    const resource: Resource = { object, origin: { file: 'cases.yaml', line: 1, column: 1 }, originalName: 'demo', originalNamespace: 'default' };
    const diff = compare(resource, liveOf(c), {
      provenance: new Provenance(),
      ...(c.ignore ? { ignoreRules: c.ignore } : {}),
      ...(c.appliers ? { applierManagers: new Set(c.appliers) } : {}),
    });
    const paths = diff.changes.map((change) => change.path);
    if (c.expect === 'Synced' || c.expect === 'Missing') {
      assert.equal(diff.status, c.expect, `changes: ${JSON.stringify(diff.changes.map((x) => [x.path, x.desired, x.live]))}`);
      assert.deepEqual(paths, []);
    } else {
      assert.equal(diff.status, 'OutOfSync');
      assert.deepEqual(paths, c.expect);
    }
    if (c.health !== undefined) assert.equal(diff.health?.status ?? null, c.health);
    if (c.kind === 'Secret') {
      const serialized = JSON.stringify(diff);
      for (const value of secretValues(c)) assert.ok(!serialized.includes(value), `leaks ${value}: ${serialized}`);
      for (const change of diff.changes) if (change.desired !== undefined) assert.notEqual(change.desired, change.live, 'the mask shows that the values differ');
    }
  });
}
