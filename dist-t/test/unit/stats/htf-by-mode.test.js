import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoursToFailure } from '../../../src/stats/hours-to-failure.js';
import { hoursToFailureByMode } from '../../../src/stats/htf-by-mode.js';
test('each mode against the whole exposure; overall counts every failure', () => {
    const failures = [{ mode: 'hang' }, { mode: 'crash' }, { mode: 'hang' }, { mode: 'hang' }, { mode: 'crash' }, { mode: 'oom' }];
    const result = hoursToFailureByMode(600, failures, { confidence: 0.9 });
    assert.deepEqual(result.overall, hoursToFailure(600, 6, 0.9));
    assert.deepEqual(Object.keys(result.byMode), ['hang', 'crash', 'oom']);
    assert.deepEqual(result.byMode.hang, hoursToFailure(600, 3, 0.9));
    assert.equal(result.byMode.crash?.estimate, 300);
    assert.equal(result.byMode.oom?.estimate, 600);
    assert.equal(result.dominant, 'hang');
});
test('modes asked for that did not fail are reported censored; nothing failed means no dominant mode', () => {
    const result = hoursToFailureByMode(3500, [], { modes: ['hang', 'crash', 'hang'] });
    assert.deepEqual(Object.keys(result.byMode), ['crash', 'hang']);
    assert.equal(result.byMode.hang?.censored, true);
    assert.equal(result.byMode.hang?.estimate, 3500);
    assert.equal(result.overall.censored, true);
    assert.equal(result.overall.confidence, 0.95);
    assert.equal(result.dominant, undefined);
});
test('ties for the dominant mode go to the first name', () => {
    const result = hoursToFailureByMode(10, [{ mode: 'hang' }, { mode: 'crash' }], { modes: ['loss'] });
    assert.deepEqual(Object.keys(result.byMode), ['crash', 'hang', 'loss']);
    assert.equal(result.dominant, 'crash');
});
//# sourceMappingURL=htf-by-mode.test.js.map