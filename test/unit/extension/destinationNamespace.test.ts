import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '../../../src/core/kustomize/render';
import { needsDestinationNamespace, withDestinationNamespace } from '../../../src/extension/apps/destinationNamespace';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

// An overlay that names no namespace, deployed by an Application with a destination namespace:
// the editor compares (and syncs) its namespaced objects where Argo CD would put them.

const fs = new MemoryFileSystem({
  '/repo/app/kustomization.yaml': 'resources:\n  - deployment.yaml\n  - role.yaml\n',
  '/repo/app/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n',
  '/repo/app/role.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\n',
});
const app = { destination: { server: 'https://kubernetes.default.svc', namespace: 'shop' }, location: { file: '/repo/argocd/shop.yaml', line: 12, column: 5 } };

test('namespaced objects without a namespace land in the destination namespace; cluster-scoped ones do not', async () => {
  const rendered = await render(fs, '/repo/app');
  assert.ok(rendered.ok);
  assert.equal(needsDestinationNamespace(rendered.value, app), true);
  const placed = withDestinationNamespace(rendered.value, app);
  assert.deepEqual(placed.resources.map((r) => [r.object['kind'], r.object.metadata['namespace']]), [['ClusterRole', undefined], ['Deployment', 'shop']]);
  // The renderer's own result is left as it was (it may be cached and reused).
  assert.equal(rendered.value.resources.find((r) => r.object['kind'] === 'Deployment')?.object.metadata['namespace'], undefined);
  // Fields keep their origin; the namespace points at the Application.
  const deployment = placed.resources.find((r) => r.object['kind'] === 'Deployment');
  assert.ok(deployment);
  assert.equal(placed.provenance.at(deployment.object, ['spec', 'replicas'])[0]?.line, 6);
  assert.deepEqual(placed.provenance.at(deployment.object, ['metadata', 'namespace'])[0], { file: '/repo/argocd/shop.yaml', line: 12, column: 5, operation: 'destination.namespace' });
  assert.equal(needsDestinationNamespace(placed, app), false);
});

test('no destination namespace, or objects that name theirs: the render is returned as is', async () => {
  const rendered = await render(fs, '/repo/app');
  assert.ok(rendered.ok);
  assert.equal(withDestinationNamespace(rendered.value, { ...app, destination: { server: app.destination.server } }), rendered.value);
  const placed = withDestinationNamespace(rendered.value, app);
  assert.equal(withDestinationNamespace(placed, { ...app, destination: { namespace: 'other' } }), placed);
});
