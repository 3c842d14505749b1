import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brokerInstance } from '../../helpers/broker-harness.js';
import { waitFor } from '../../helpers/wait.js';
// Two publishers at 2000 messages/s of 1 KiB each (about 4 MB/s) and two subscribers; sub-1 connects,
// subscribes and never reads.
const options = {
    rate: 2000,
    payloadSize: 1024,
    subscribers: 2,
    subscriberTuning: (j) => (j === 1 ? { paused: true } : undefined),
};
test('unbounded: a dead subscriber grows the broker\'s queued bytes without bound', { timeout: 20_000 }, async (t) => {
    const i = brokerInstance({ ...options, inbox: { kind: 'unbounded' } });
    try {
        await i.start();
        const samples = [];
        for (const threshold of [1, 2, 4, 6].map((mb) => mb * 1024 * 1024)) {
            await waitFor(() => i.counters().queuedBytes > threshold, 5000, `queued bytes past ${threshold}`);
            samples.push(i.counters().queuedBytes);
        }
        t.diagnostic(`queued bytes: ${samples.join(', ')}`);
        const c = i.counters();
        assert.equal(c.disconnected, 0);
        assert.equal(c.dropped, 0);
        assert.ok(c.deepestQueueBytes > 6 * 1024 * 1024);
        assert.ok(samples.every((b, k) => k === 0 || b > samples[k - 1]), 'still growing');
        assert.equal(i.broker.subscriberConnected('b/sub-1'), true);
    }
    finally {
        await i.stop();
    }
});
test('disconnect: a dead subscriber is cut off at the hard limit and queued bytes stay bounded', { timeout: 20_000 }, async (t) => {
    const hard = 1024 * 1024;
    const i = brokerInstance({ ...options, inbox: { kind: 'disconnect', hard: { bytes: hard } } });
    try {
        await i.start();
        await waitFor(() => i.counters().disconnected === 1, 5000, 'the dead subscriber to be disconnected');
        const publishedAtCut = i.counters().published;
        // When it wakes up it reads what was on the way, then finds itself disconnected, and why.
        i.subscribers[1].resume();
        await waitFor(() => i.subscribers[1].closed, 2000, 'the dead subscriber to see its connection closed');
        assert.match(i.subscribers[1].connection.closeReason ?? '', /^slow consumer: hard limit/);
        // Keep publishing as long again: nothing may pile up any more.
        await waitFor(() => i.counters().published > 2 * publishedAtCut, 5000, 'as much again to be published');
        const c = i.counters();
        t.diagnostic(`deepest ${c.deepestQueueBytes} bytes, queued now ${c.queuedBytes} bytes`);
        assert.ok(c.deepestQueueBytes <= hard, `deepest queue ${c.deepestQueueBytes} bytes`);
        assert.ok(c.queuedBytes < 256 * 1024, `queued now ${c.queuedBytes} bytes`);
        assert.equal(i.broker.subscriberConnected('b/sub-1'), false);
        assert.equal(i.broker.subscriberConnected('b/sub-0'), true);
        assert.match(i.disconnections().find((d) => d.byPolicy)?.reason ?? '', /hard limit 1048576 bytes exceeded/);
    }
    finally {
        await i.stop();
    }
});
//# sourceMappingURL=dead-subscriber.test.js.map