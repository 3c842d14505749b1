import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InstanceWatch } from '../../../src/systems/forwarder/watch.js';
const MB = 2 ** 20;
const LIMIT = 48 * MB;
/** A healthy instance's heartbeat (always delivering) with the given memory figures. */
function hb(memoryUsed, liveMemory, fullGcs) {
    return {
        t: 'heartbeat', generated: 0, dropped: [], requestMs: [], counters: {}, outputFinished: 0, lastOutputAt: 0,
        inFlight: 0, heldBytes: 0, due: 0, drained: false, memoryUsed, liveMemory, fullGcs, loopDelayMaxMs: 0,
    };
}
test('garbage over the limit is not a memory failure: only live memory after full collections is judged', () => {
    const w = new InstanceWatch(0, 60_000, LIMIT);
    // Heap with garbage at 4x the limit, while every full collection brings it back to 20 MB.
    for (let gc = 1; gc <= 10; gc++) {
        for (let beat = 0; beat < 5; beat++)
            assert.equal(w.check(gc * 1000 + beat, hb(200 * MB, 20 * MB, gc), 0, false), undefined);
    }
});
test('one full collection over the limit is not sustained; two in a row are a memory failure', () => {
    const w = new InstanceWatch(0, 60_000, LIMIT);
    assert.equal(w.check(100, hb(60 * MB, 50 * MB, 1), 0, false), undefined, 'first collection over');
    // The same collection's sample, repeated by later heartbeats, counts once.
    for (let beat = 0; beat < 20; beat++)
        assert.equal(w.check(200 + beat, hb(70 * MB, 50 * MB, 1), 0, false), undefined);
    assert.equal(w.check(300, hb(60 * MB, 40 * MB, 2), 0, false), undefined, 'back under: the count starts again');
    assert.equal(w.check(400, hb(60 * MB, 49 * MB, 3), 0, false), undefined);
    const verdict = w.check(500, hb(66 * MB, 52 * MB, 4), 0, false);
    assert.equal(verdict?.mode, 'memory');
    assert.equal(verdict.evidence.liveMemory, 52 * MB);
    assert.equal(verdict.evidence.overLimitGcs, 2);
    assert.equal(verdict.evidence.limit, LIMIT);
    assert.equal(verdict.evidence.memoryUsed, 66 * MB);
});
test('without a limit nothing is judged; before a full collection there is no live figure to judge', () => {
    const none = new InstanceWatch(0, 60_000, 0);
    for (let gc = 1; gc < 5; gc++)
        assert.equal(none.check(gc, hb(900 * MB, 900 * MB, gc), 0, false), undefined);
    const w = new InstanceWatch(0, 60_000, LIMIT);
    for (let beat = 0; beat < 5; beat++)
        assert.equal(w.check(beat, hb(100 * MB, Number.NaN, 0), 0, false), undefined);
});
//# sourceMappingURL=memory-verdict.test.js.map