import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHistogram, decodeHistogram, encodeHistogram, recordMs } from '../../../src/metrics/histogram.js';
import { mergeCellIntervals } from '../../../src/results/merge-intervals.js';
/** An interval of one shard: cumulative `delivered` and exposure, this interval's latencies (ms). */
function interval(at, delivered, latencies, system = {}) {
    const h = createHistogram();
    for (const ms of latencies)
        recordMs(h, ms);
    const zero = { generated: delivered, delivered, duplicated: 0, duplicateCopies: 0, reordered: 0, dropped: 0, droppedButDelivered: 0, undrained: 0, lostInFailures: 0, lost: 0, foreign: 0 };
    return { t: 'interval', cell: 0, at, wallMs: at, delivery: zero, exposureMs: at, failures: 0, endToEnd: encodeHistogram(h), request: encodeHistogram(createHistogram()), requests: { ok: delivered }, rss: at, maxInstanceMemory: 0, system };
}
test('shards\' intervals line up by position, the last ones together; counts add, latency is counted once', () => {
    // Shard A: 3 periodic intervals and its last; shard B: 2 periodic (its third tick came after the stop) and its last.
    const a = [interval(1000, 10, [1, 2]), interval(2000, 20, [3]), interval(3000, 30, [4]), interval(3500, 35, [5])];
    const b = [interval(1000, 5, [10]), interval(2000, 9, [20]), interval(3600, 15, [30, 40])];
    const merged = mergeCellIntervals([{ intervals: a, ended: true }, { intervals: b, ended: true }], new Set(['peak']));
    assert.deepEqual(merged.map((m) => m.delivery.delivered), [15, 29, 39, 50]);
    assert.deepEqual(merged.map((m) => m.at), [1000, 2000, 3000, 3600]);
    assert.deepEqual(merged.map((m) => m.requests.ok), [15, 29, 39, 50]);
    assert.deepEqual(merged.map((m) => decodeHistogram(m.endToEnd).totalCount), [3, 2, 1, 3], 'B adds no latency to round 3: it had no such interval');
    const total = createHistogram();
    for (const m of merged)
        total.add(decodeHistogram(m.endToEnd));
    assert.equal(total.totalCount, 9, 'every recorded value once');
    assert.equal(total.maxValue >= 40_000, true);
});
test('system counters add, except those the kind declares maxima', () => {
    const a = [interval(1000, 1, [], { queued: 3, peak: 7 })];
    const b = [interval(1000, 1, [], { queued: 4, peak: 5 })];
    const [m] = mergeCellIntervals([{ intervals: a, ended: false }, { intervals: b, ended: false }], new Set(['peak']));
    assert.deepEqual(m.system, { queued: 7, peak: 7 });
});
//# sourceMappingURL=merge-intervals.test.js.map