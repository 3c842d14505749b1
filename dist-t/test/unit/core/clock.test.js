import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { ScaledClock, sleepUntil } from '../../../src/core/clock.js';
const DAYS_30 = 30 * 24 * 3600 * 1000;
describe('ScaledClock: waits of any length, never early', { timeout: 30_000 }, () => {
    it('sleeps 30 scenario days without firing (no overflow to 1 ms) until aborted, then rejects with the reason', async () => {
        const clock = new ScaledClock(1);
        const warnings = [];
        const onWarning = (w) => void warnings.push(w.name);
        process.on('warning', onWarning);
        const ac = new AbortController();
        let settled = false;
        const sleeping = clock.sleep(DAYS_30, ac.signal).finally(() => (settled = true));
        await new Promise((r) => setTimeout(r, 300));
        process.off('warning', onWarning);
        assert.equal(settled, false, 'a 30-day sleep ended within 300 ms');
        assert.deepEqual(warnings, []);
        ac.abort(new Error('run stopped'));
        await assert.rejects(sleeping, /run stopped/);
    });
    it('a sped-up clock turns 30 scenario days into a long wall wait too (speed 100: 7.2 wall hours, still past one timer)', async () => {
        const clock = new ScaledClock(100);
        let fired = false;
        const timer = clock.setTimeout(() => (fired = true), DAYS_30 * 100);
        await new Promise((r) => setTimeout(r, 300));
        timer.clear();
        assert.equal(fired, false);
    });
    it('setTimeout fires once, no earlier than its delay by the clock; clear() before it cancels', async () => {
        const clock = new ScaledClock(4);
        const t0 = clock.now();
        const at = await new Promise((resolve) => clock.setTimeout(() => resolve(clock.now()), 200));
        assert.ok(at - t0 >= 200, `fired ${(at - t0).toFixed(2)} scenario ms after arming, before its 200`);
        let fired = false;
        clock.setTimeout(() => (fired = true), 40).clear();
        await new Promise((r) => setTimeout(r, 60));
        assert.equal(fired, false);
    });
    it('sleepUntil returns true at or after the deadline, false when aborted first', async () => {
        const clock = new ScaledClock(1);
        const ac = new AbortController();
        for (let i = 0; i < 50; i++) {
            const deadline = clock.now() + 0.1 + (i % 5) * 0.7;
            assert.equal(await sleepUntil(clock, deadline, ac.signal), true);
            assert.ok(clock.now() >= deadline, `returned ${(deadline - clock.now()).toFixed(3)} ms early`);
        }
        const t0 = performance.now();
        const far = sleepUntil(clock, clock.now() + DAYS_30, ac.signal);
        setTimeout(() => ac.abort(), 50);
        assert.equal(await far, false);
        assert.ok(performance.now() - t0 < 5000);
    });
});
//# sourceMappingURL=clock.test.js.map