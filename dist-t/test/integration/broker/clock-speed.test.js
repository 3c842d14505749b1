import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ScaledClock } from '../../../src/core/clock.js';
import { runBroker } from '../../helpers/broker-harness.js';
test('rates, lag limits and latencies are in scenario time: at speed 20, one wall second is twenty', { timeout: 20_000 }, async () => {
    const clock = new ScaledClock(20);
    // 50 messages per scenario second per publisher: 1000 per wall second each. The elastic lag limit of
    // 4 scenario s is 200 wall ms: a subscriber that stops reading for good is cut off in well under 1 s.
    const run = await runBroker({ clock, rate: 50, inbox: { kind: 'elastic', lagMs: 4000 }, subscriberTuning: (j) => (j === 2 ? { paused: true } : undefined) }, 1000, 2000);
    const c = run.counters;
    assert.ok(c.published > 2 * 1000 * 0.8 && c.published < 2 * 1000 * 1.1, `published ${c.published}`);
    assert.equal(c.disconnected, 1);
    assert.ok(run.drained);
    // A few wall ms of loopback latency are tens of scenario ms.
    const p50 = run.latency['b/sub-0'].p50;
    assert.ok(p50 > 10, `p50 ${p50} scenario ms`);
});
//# sourceMappingURL=clock-speed.test.js.map