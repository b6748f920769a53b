// CodeLens changes: announced at once, and once more after a quiet second.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { settledRepeat } from '../../../src/extension/settledRepeat';

test('each request fires at once; a burst is repeated once, when it has been quiet for the delay', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let fired = 0;
    const repeat = settledRepeat(() => fired++, 1_000);
    for (let i = 0; i < 5; i++) {
      repeat.request();
      mock.timers.tick(300);
    }
    assert.equal(fired, 5, 'every request fires at once');
    mock.timers.tick(699);
    assert.equal(fired, 5, 'not before a quiet delay');
    mock.timers.tick(1);
    assert.equal(fired, 6, 'one repeat for the burst');
    mock.timers.tick(10_000);
    assert.equal(fired, 6, 'and only one');
    repeat.dispose();
  } finally {
    mock.timers.reset();
  }
});

test('dispose drops the pending repeat', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let fired = 0;
    const repeat = settledRepeat(() => fired++, 1_000);
    repeat.request();
    repeat.dispose();
    mock.timers.tick(5_000);
    assert.equal(fired, 1);
  } finally {
    mock.timers.reset();
  }
});
