import assert from 'node:assert/strict';
import { test } from 'node:test';
import { latencyShift } from '../../../src/stats/latency-shift.js';
test('absolute and relative shift per percentile', () => {
    const a = { p50: 10, p90: 40, p99: 200, p99_9: 0 };
    const b = { p50: 12.5, p90: 30, p99: 200, p99_9: 5 };
    assert.deepEqual(latencyShift(a, b), [
        { percentile: 'p50', a: 10, b: 12.5, absolute: 2.5, relative: 0.25 },
        { percentile: 'p90', a: 40, b: 30, absolute: -10, relative: -0.25 },
        { percentile: 'p99', a: 200, b: 200, absolute: 0, relative: 0 },
        { percentile: 'p99_9', a: 0, b: 5, absolute: 5, relative: undefined },
    ]);
});
//# sourceMappingURL=latency-shift.test.js.map