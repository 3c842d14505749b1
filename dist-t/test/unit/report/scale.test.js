import assert from 'node:assert/strict';
import { test } from 'node:test';
import { latencyLabel, logDurationScale, logScale } from '../../../src/report/renderers/html/scale.js';
test('a log axis of durations stops at units people read: 1 min, 10 min, 1 h, not 100 s and 1000 s', () => {
    const y = logDurationScale(1_500, 2 * 3600e3, [250, 0]);
    assert.deepEqual(y.ticks, [1e3, 10e3, 60e3, 600e3, 3600e3, 36000e3]);
    assert.deepEqual(y.ticks.map(latencyLabel), ['1s', '10s', '1m', '10m', '1h', '10h']);
    assert.equal(y(1e3), 250);
    assert.equal(y(36000e3), 0);
    assert.ok(y(60e3) < y(10e3) && y(600e3) < y(60e3), 'larger durations are higher up');
});
test('a log axis of short durations keeps decades of milliseconds', () => {
    const y = logDurationScale(0.4, 80, [100, 0]);
    assert.deepEqual(y.ticks, [0.1, 1, 10, 100]);
});
test('a plain log scale ticks at powers of ten', () => {
    assert.deepEqual(logScale([0.1, 100], [0, 300]).ticks, [0.1, 1, 10, 100]);
});
//# sourceMappingURL=scale.test.js.map