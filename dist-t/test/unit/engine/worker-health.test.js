import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkerHealth } from '../../../src/systems/isolation/worker-health.js';
const PERIOD_MS = 50;
const STALL_MS = 300;
function busy(ms) {
    const until = performance.now() + ms;
    while (performance.now() < until)
        ;
}
test('a stall that holds back the sample itself is in that sample (the loop-delay histogram has not ticked yet)', { timeout: 10_000 }, async () => {
    const health = new WorkerHealth(PERIOD_MS);
    try {
        await new Promise((r) => setTimeout(r, PERIOD_MS));
        health.sample();
        // The stall, then the sample at once: the histogram's timer has had no chance to record it, and its
        // reset would forget it. The sample was due PERIOD_MS after the last and came STALL_MS late at least.
        busy(STALL_MS);
        const s = health.sample();
        assert.ok(s.loopDelayMaxMs >= STALL_MS - PERIOD_MS, `loop delay ${s.loopDelayMaxMs} ms for a ${STALL_MS} ms stall`);
        // Reported once: the next sample, on time, does not carry it again.
        await new Promise((r) => setTimeout(r, PERIOD_MS));
        const next = health.sample();
        assert.ok(next.loopDelayMaxMs < STALL_MS / 2, `the next sample still says ${next.loopDelayMaxMs} ms`);
    }
    finally {
        health.stop();
    }
});
test('a freeze (the pause fault) is left out of the loop delay, but a stall in the same stretch is not', { timeout: 10_000 }, async () => {
    const health = new WorkerHealth(PERIOD_MS);
    try {
        await new Promise((r) => setTimeout(r, PERIOD_MS));
        health.sample();
        const freeze = () => {
            const at = performance.now();
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, STALL_MS);
            health.frozeFor(performance.now() - at);
        };
        freeze();
        const frozen = health.sample();
        assert.ok(frozen.loopDelayMaxMs < STALL_MS / 2, `a ${STALL_MS} ms freeze read as ${frozen.loopDelayMaxMs} ms of loop delay`);
        await new Promise((r) => setTimeout(r, PERIOD_MS));
        health.sample();
        freeze();
        busy(STALL_MS);
        const both = health.sample();
        assert.ok(both.loopDelayMaxMs >= STALL_MS - PERIOD_MS, `a ${STALL_MS} ms stall after a freeze read as ${both.loopDelayMaxMs} ms`);
        assert.ok(both.loopDelayMaxMs < 2 * STALL_MS - PERIOD_MS, `the freeze was counted too: ${both.loopDelayMaxMs} ms`);
    }
    finally {
        health.stop();
    }
});
//# sourceMappingURL=worker-health.test.js.map