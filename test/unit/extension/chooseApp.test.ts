import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AppModel } from '../../../src/core/repo/model';
import { chooseApp } from '../../../src/extension/apps/chooseApp';
import { ignoreRulesWith } from '../../../src/extension/apps/appIgnoreRules';

// Which Application the editor follows for an overlay several deploy, and what its diff ignores.

const dir = '/repo/apps/web/overlays/prod';

function app(name: string, context: string | undefined, extra: Partial<AppModel> = {}, images?: string[]): AppModel {
  return {
    name, project: 'default', labels: {}, location: { file: `/repo/argocd/${name}.yaml`, line: 1, column: 1 },
    sources: [{ repoURL: 'https://git.example.com/r.git', path: 'apps/web/overlays/prod', targetRevision: 'HEAD', repo: 'this', dir, kind: 'kustomize', ...(images ? { kustomize: { images } } : {}) }],
    destination: { namespace: 'web' }, ...(context ? { context } : {}), syncPolicy: { automated: false, prune: false, selfHeal: false, syncOptions: [] }, ignoreDifferences: [], diagnostics: [], ...extra,
  };
}

test('the app deploying to the connected context wins; else the first by name, whatever the discovery order', () => {
  const eu = app('web-eu', 'eu', {}, ['web:2']);
  const us = app('web-us', 'us', {}, ['web:3']);
  assert.equal(chooseApp([us, eu], dir, 'us').app, us);
  assert.equal(chooseApp([us, eu], dir, undefined).app, eu);
  assert.equal(chooseApp([eu, us], dir, 'elsewhere').app, eu);
  assert.equal(chooseApp([], dir, 'eu').app, undefined);
});

test('the log says which app is followed only when the apps would render or compare differently', () => {
  const eu = app('web-eu', 'eu', {}, ['web:2']);
  const us = app('web-us', 'us', {}, ['web:3']);
  assert.equal(chooseApp([us, eu], dir, undefined).note, `2 Applications deploy ${dir} with different kustomize options or ignoreDifferences (web-eu, web-us); the editor renders and compares it as web-eu (the first by name).`);
  assert.match(chooseApp([us, eu], dir, 'us').note ?? '', /as web-us \(it deploys to the connected context us\)/);
  assert.equal(chooseApp([app('a', 'eu', {}, ['web:2']), app('b', 'us', {}, ['web:2'])], dir, undefined).note, undefined, 'same options: nothing to say');
  assert.ok(chooseApp([app('a', 'eu'), app('b', 'us', { ignoreDifferences: [{ kind: 'Deployment' }] })], dir, undefined).note, 'different ignoreDifferences');
});

test("the diff ignores the global rules and the Application's own ignoreDifferences", () => {
  const global = [{ kind: 'ConfigMap', name: 'generated' }];
  assert.equal(ignoreRulesWith(global, undefined), global);
  assert.equal(ignoreRulesWith(global, app('a', undefined)), global);
  const ignoring = app('a', undefined, { ignoreDifferences: [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] }, { jsonPointers: ['/no/kind'] }] });
  assert.deepEqual(ignoreRulesWith(global, ignoring), [...global, { kind: 'Deployment', group: 'apps', name: undefined, namespace: undefined, jsonPointers: ['/spec/replicas'], jqPathExpressions: undefined, managedFieldsManagers: undefined }]);
  assert.equal(ignoreRulesWith([], ignoring)[0], ignoreRulesWith([], ignoring)[0], 'parsed once per app');
});
