import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applicationWriteMapper, type ApplicationAttribution } from '../../../src/core/repo/render/applicationAttribution';
import { parseArgoImage } from '../../../src/core/repo/render/argoKustomizeOverlay';
import { stringify } from 'yaml';

// A write of the virtual kustomization lands on the Application line that states the same
// option: in spec.source, in spec.sources[i], or in an ApplicationSet's template.

const overlayFile = '/r/apps/.driftline-argocd-web/kustomization.yaml';
const overlayText = stringify({ resources: ['../web'], namePrefix: 'eu-', images: [parseArgoImage('nginx:1.27'), parseArgoImage('redis:7')] });
// 1 resources: / 2 - ../web / 3 namePrefix / 4 images: / 5 - name: nginx / 6 newTag / 7 - name: redis / 8 newTag
const at = (line: number): { file: string; line: number; column: number; operation: string } => ({ file: overlayFile, line, column: 3, operation: 'images' });

function mapped(appText: string, sourceIndex: number, line: number, location = { file: '/r/argocd/web.yaml', line: 1, column: 1 }): string {
  const input: ApplicationAttribution = { overlayFile, overlayText, app: { location, sources: [] }, appText, sourceIndex };
  const w = applicationWriteMapper(input)(at(line));
  return `${w.file}:${w.line} ${w.operation}`;
}

test('spec.sources[i] and a second document in the same file', () => {
  const text = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: other}
spec:
  source: {path: x, kustomize: {namePrefix: no-}}
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: web
spec:
  sources:
  - ref: values
  - path: apps/web
    kustomize:
      namePrefix: eu-
      images:
      - nginx:1.27
      - redis:7
`;
  const second = { file: '/r/argocd/web.yaml', line: 7, column: 1 };
  assert.equal(mapped(text, 1, 8, second), '/r/argocd/web.yaml:19 argocd.kustomize.images', 'redis, the second image');
  assert.equal(mapped(text, 1, 6, second), '/r/argocd/web.yaml:18 argocd.kustomize.images');
  assert.equal(mapped(text, 1, 3, second), '/r/argocd/web.yaml:16 argocd.kustomize.namePrefix');
});

test("an ApplicationSet's template; an unreadable Application falls back to its location", () => {
  const text = `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: web
spec:
  generators: [{list: {elements: [{env: eu}]}}]
  template:
    metadata: {name: 'web-{{env}}'}
    spec:
      source:
        path: apps/web
        kustomize:
          images: [nginx:1.27, redis:7]
`;
  assert.equal(mapped(text, 0, 5), '/r/argocd/web.yaml:13 argocd.kustomize.images');
  assert.equal(mapped(text, 0, 3), '/r/argocd/web.yaml:12 argocd.kustomize.namePrefix', 'no such key: the kustomize: line');
  assert.equal(mapped('kind: [broken', 0, 5, { file: '/r/argocd/web.yaml', line: 4, column: 2 }), '/r/argocd/web.yaml:4 argocd.kustomize.images');
});

test('writes of other files are left as they are', () => {
  const input: ApplicationAttribution = { overlayFile, overlayText, app: { location: { file: '/a.yaml', line: 1, column: 1 }, sources: [] }, appText: '', sourceIndex: 0 };
  const own = { file: '/r/apps/web/deployment.yaml', line: 9, column: 5, operation: 'resource' };
  assert.equal(applicationWriteMapper(input)(own), own);
});
