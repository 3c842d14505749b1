import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { MAX_TIMER_MS, setLongTimeout, sleepLong } from '../../../src/core/long-timer.js';
describe('long timers: delays past 2^31-1 ms are kept, never collapsed to 1 ms', { timeout: 30_000 }, () => {
    it('a delay just past what one Node timer holds does not fire early, and warns of no overflow', async () => {
        const warnings = [];
        const onWarning = (w) => void warnings.push(w.name);
        process.on('warning', onWarning);
        let fired = false;
        const t = setLongTimeout(() => (fired = true), MAX_TIMER_MS + 5);
        // A plain setTimeout of this length fires after 1 ms; give it ample time to misbehave.
        await new Promise((r) => setTimeout(r, 300));
        t.clear();
        process.off('warning', onWarning);
        assert.equal(fired, false);
        assert.deepEqual(warnings, []);
    });
    it('re-arms chunk by chunk and fires once, at or after the deadline', async () => {
        // Chunks of 40 ms stand in for 24.8 days: 190 ms is four full chunks and a remainder.
        const t0 = performance.now();
        let calls = 0;
        const elapsed = await new Promise((resolve) => {
            setLongTimeout(() => {
                calls++;
                resolve(performance.now() - t0);
            }, 190, 40);
        });
        assert.ok(elapsed >= 190, `fired after ${elapsed.toFixed(1)} ms, before its 190 ms deadline`);
        await new Promise((r) => setTimeout(r, 100));
        assert.equal(calls, 1);
    });
    it('clear() between chunks cancels it; sleepLong rejects when aborted', async () => {
        let fired = false;
        const t = setLongTimeout(() => (fired = true), 150, 30);
        await new Promise((r) => setTimeout(r, 70)); // past the first chunks
        t.clear();
        await new Promise((r) => setTimeout(r, 200));
        assert.equal(fired, false);
        const ac = new AbortController();
        const sleeping = sleepLong(MAX_TIMER_MS * 2, ac.signal);
        ac.abort(new Error('stopped'));
        await assert.rejects(sleeping, /stopped/);
        const t0 = performance.now();
        await sleepLong(60, undefined, 25);
        assert.ok(performance.now() - t0 >= 60);
    });
});
//# sourceMappingURL=long-timer.test.js.map