import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePersistedState, parseWebviewMessage } from '../../../src/shared/diffPanelProtocol';

test('accepts every webview message the panel sends', () => {
  assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
  assert.deepEqual(parseWebviewMessage({ type: 'refresh' }), { type: 'refresh' });
  assert.deepEqual(parseWebviewMessage({ type: 'syncAll' }), { type: 'syncAll' });
  assert.deepEqual(parseWebviewMessage({ type: 'select', key: 'apps/v1|Deployment|prod|api' }), { type: 'select', key: 'apps/v1|Deployment|prod|api' });
  assert.deepEqual(parseWebviewMessage({ type: 'openNativeDiff', key: 'v1|Service|prod|api' }), { type: 'openNativeDiff', key: 'v1|Service|prod|api' });
  assert.deepEqual(parseWebviewMessage({ type: 'syncSelected', keys: ['a', 'b'] }), { type: 'syncSelected', keys: ['a', 'b'] });
});

test('refuses anything else: unknown types, wrong shapes, extra fields', () => {
  const refused: unknown[] = [
    undefined,
    null,
    'ready',
    42,
    [],
    {},
    { type: 'eval', code: 'x' },
    { type: 'READY' },
    { type: 'ready', extra: true },
    { type: 'select' },
    { type: 'select', key: '' },
    { type: 'select', key: 7 },
    { type: 'select', key: 'x'.repeat(1025) },
    { type: 'openNativeDiff', key: { ref: 'x' } },
    { type: 'syncSelected' },
    { type: 'syncSelected', keys: [] },
    { type: 'syncSelected', keys: 'a' },
    { type: 'syncSelected', keys: ['a', 1] },
    { type: 'syncSelected', keys: ['a'], overlay: '/etc' },
    { type: 'syncSelected', keys: Array.from({ length: 10_001 }, (_, i) => `k${i}`) },
  ];
  for (const message of refused) assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message)?.slice(0, 80));
});

test('a parsed syncSelected owns its key list', () => {
  const keys = ['a'];
  const parsed = parseWebviewMessage({ type: 'syncSelected', keys });
  keys.push('b');
  assert.deepEqual(parsed, { type: 'syncSelected', keys: ['a'] });
});

test('persisted state: restores what the webview saved, defaults what is missing or unknown', () => {
  assert.deepEqual(parsePersistedState({ overlay: '/repo/prod', selected: 'k', filter: 'all' }), { overlay: '/repo/prod', selected: 'k', filter: 'all' });
  assert.deepEqual(parsePersistedState({ overlay: '/repo/prod' }), { overlay: '/repo/prod', selected: undefined, filter: 'outOfSync' });
  assert.deepEqual(parsePersistedState({ overlay: '/repo/prod', selected: 3, filter: 'weird' }), { overlay: '/repo/prod', selected: undefined, filter: 'outOfSync' });
  for (const state of [undefined, null, 'x', {}, { overlay: '' }, { overlay: 1 }]) assert.equal(parsePersistedState(state), undefined);
});
