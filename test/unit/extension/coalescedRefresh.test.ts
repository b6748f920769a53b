// Tree refreshes at typing speed: the first at once, a burst as one more at the window's end.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { coalescedRefresh } from '../../../src/extension/views/coalescedRefresh';

test('the first request refreshes at once; a burst within the window becomes one trailing refresh', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let refreshes = 0;
    const refresh = coalescedRefresh(() => refreshes++, 150);
    refresh.request();
    assert.equal(refreshes, 1);
    for (let i = 0; i < 10; i++) {
      mock.timers.tick(10);
      refresh.request();
    }
    assert.equal(refreshes, 1, 'nothing more inside the window');
    mock.timers.tick(50);
    assert.equal(refreshes, 2, 'one refresh at the end of the window covers the burst');
    mock.timers.tick(150);
    assert.equal(refreshes, 2, 'no request since: no refresh');
    mock.timers.tick(1_000);
    refresh.request();
    assert.equal(refreshes, 3, 'after a quiet window the next request is immediate again');
    refresh.dispose();
  } finally {
    mock.timers.reset();
  }
});

test('dispose drops a pending refresh', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let refreshes = 0;
    const refresh = coalescedRefresh(() => refreshes++, 150);
    refresh.request();
    refresh.request();
    refresh.dispose();
    mock.timers.tick(1_000);
    assert.equal(refreshes, 1);
  } finally {
    mock.timers.reset();
  }
});
