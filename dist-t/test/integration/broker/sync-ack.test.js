import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brokerInstance, runBroker } from '../../helpers/broker-harness.js';
import { waitFor } from '../../helpers/wait.js';
test('sync-ack: a peer that publishes and subscribes over one connection locks up with the broker when both sides\' slots are full', { timeout: 20_000 }, async (t) => {
    // One slot per pool (libchirp when synchronous). The peer's PUB holds the broker's receive slot until
    // every copy is acknowledged; the peer's own copy is acknowledged, but that ACK needs a receive slot on
    // the broker's side to be read, and the only one is held by the PUB. Nothing fails; nothing moves.
    const i = brokerInstance({ inbox: { kind: 'block' }, syncAck: { slots: 1 }, publishers: 1, subscribers: 1, peers: 1 });
    try {
        await i.start();
        // Blocked with a slot held for 200 ms: the lock-up, not a moment's wait for an acknowledgement.
        await waitFor(() => i.slotStates().some((s) => s.connection === 'broker/b/peer-0' && s.readBlocked && s.oldestWaitMs >= 200), 3000, 'the broker to stop reading from the peer');
        const before = i.progress();
        const triesBefore = i.counters().publisherStalledTicks;
        // Wait, not sleep: until both sides of the peer's and the publisher's connections have held their slots
        // for 500 ms and the publishers have tried again and again; nothing may be delivered meanwhile.
        const heldFor = (connection) => i.slotStates().find((s) => s.connection === connection)?.oldestWaitMs ?? 0;
        await waitFor(() => ['broker/b/peer-0', 'b/peer-0', 'broker/b/pub-0', 'b/pub-0'].every((c) => heldFor(c) >= 500) && i.counters().publisherStalledTicks > triesBefore + 50, 10_000, 'the peer and the publisher to hold their slots for 500 ms while publishers keep trying');
        const after = i.progress();
        const c = i.counters();
        t.diagnostic(`delivered ${after.delivered}, publisher backlog ${c.publisherBacklog}, oldest slot wait ${c.slotsOldestWaitMs?.toFixed(0)} ms`);
        assert.equal(after.delivered, before.delivered, 'no message delivered while the slots were held');
        assert.equal(after.lastDeliveryAt, before.lastDeliveryAt);
        assert.ok(c.publisherStalledTicks > triesBefore + 50, 'publishers kept trying');
        assert.ok(c.publisherBacklog > 300, `publishers owe ${c.publisherBacklog} messages`);
        assert.equal(c.protocolErrors, 0, 'no error anywhere');
        assert.equal(c.disconnected, 0);
        const stuck = i.slotStates().filter((s) => s.oldestWaitMs >= 500);
        const byName = new Map(stuck.map((s) => [s.connection, s]));
        const brokerSide = byName.get('broker/b/peer-0');
        const peerSide = byName.get('b/peer-0');
        assert.ok(brokerSide && peerSide, `stuck: ${[...byName.keys()].join(', ')}`);
        assert.deepEqual([brokerSide.send, brokerSide.recv, brokerSide.readBlocked], [{ used: 1, total: 1 }, { used: 1, total: 1 }, true]);
        assert.deepEqual([peerSide.send, peerSide.sendBlocked], [{ used: 1, total: 1 }, true]);
        // The plain publisher is stuck behind it: its PUB waits for the copy queued to the peer.
        assert.ok(byName.has('broker/b/pub-0') && byName.get('b/pub-0')?.sendBlocked, 'the publisher is named too');
        assert.ok(!byName.has('b/sub-0'), 'the plain subscriber holds no slot');
    }
    finally {
        await i.stop();
    }
});
test('sync-ack: plain publishers and subscribers never lock up, however few the slots', { timeout: 20_000 }, async () => {
    const run = await runBroker({ inbox: { kind: 'block' }, syncAck: { slots: 1 }, publishers: 2, subscribers: 2, rate: 300 }, 1500, 3000);
    assert.ok(run.drained);
    // 2 publishers × 300/s × 1.5 s = 900 planned; a loaded machine may publish fewer, a lock-up a handful.
    assert.ok(run.counters.published > 300, `${run.counters.published} published of 900 planned`);
    for (const p of run.pairs) {
        assert.equal(p.delivered, p.expected);
        assert.deepEqual([p.lost, p.reordered, p.duplicates], [0, 0, 0]);
    }
    assert.equal(run.counters.slotsUsed, 0);
});
test('sync-ack: a slow subscriber stalls publishers (every copy is acknowledged) without a lock-up', { timeout: 20_000 }, async () => {
    const run = await runBroker({
        inbox: { kind: 'block' },
        syncAck: { slots: 4 },
        publishers: 1,
        subscribers: 2,
        rate: 400,
        subscriberTuning: (j) => (j === 1 ? { readRate: { messagesPerSecond: 200 } } : undefined),
    }, 1000, 3000);
    assert.ok(run.drained, 'it drains: a stall, not a lock-up');
    assert.ok(run.counters.published < 350, `the publisher was held to the slow reader's pace (${run.counters.published} sent)`);
    for (const p of run.pairs)
        assert.equal(p.delivered, p.expected);
});
//# sourceMappingURL=sync-ack.test.js.map