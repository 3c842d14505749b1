import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runBroker } from '../../helpers/broker-harness.js';
test('drop-newest: every message is delivered or counted as dropped, exactly, per subscriber and publisher', { timeout: 20_000 }, async (t) => {
    // sub-2 reads 600 messages/s of the 1000/s it is sent; its inbox holds 100 messages.
    const run = await runBroker({
        inbox: { kind: 'drop-newest', limit: { messages: 100 } },
        creditWindow: 16 * 1024,
        subscriberTuning: (j) => (j === 2 ? { readRate: { messagesPerSecond: 600 } } : undefined),
    }, 1500, 5000);
    assert.ok(run.drained);
    const c = run.counters;
    t.diagnostic(`published ${c.published}, dropped ${c.dropped}`);
    assert.ok(c.dropped > 100, `dropped ${c.dropped}`);
    let dropped = 0;
    for (const p of run.pairs) {
        assert.equal(p.delivered + p.dropped, p.expected, `${p.subscriber} <- ${p.publisher}: delivered + dropped == published`);
        assert.deepEqual([p.lost, p.reordered, p.duplicates, p.cut], [0, 0, 0, 0]);
        if (p.subscriber !== 'b/sub-2')
            assert.equal(p.dropped, 0);
        else
            assert.ok(p.dropped > 0);
        dropped += p.dropped;
    }
    assert.equal(dropped, c.dropped, 'the broker\'s total is the sum of its per-pair counts');
});
//# sourceMappingURL=drop-newest.test.js.map