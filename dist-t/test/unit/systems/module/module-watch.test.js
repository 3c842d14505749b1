import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ModuleWatch } from '../../../../src/systems/module/cell.js';
import { RecordFeed } from '../../../../src/systems/module/record-feed.js';
import { parseRecordMessage } from '../../../../src/delivery/record-message.js';
const WINDOW = 1000;
const START = 10_000;
function hb(fields) {
    return {
        t: 'heartbeat',
        drained: false,
        generated: 0,
        dropped: [],
        requestMs: [],
        requests: {},
        inFlight: 0,
        lastRequestEndAt: Number.NaN,
        waiting: 0,
        memoryUsed: 0,
        liveMemory: 0,
        fullGcs: 0,
        loopDelayMaxMs: 0,
        ...fields,
    };
}
test('module watch: a request in flight with nothing delivered and no request ended for the hang window is a hang, and not a moment before', () => {
    const watch = new ModuleWatch(START, WINDOW, 0);
    const lastDelivery = START + 500;
    const stuck = hb({ inFlight: 1, lastRequestEndAt: START + 500 });
    watch.heartbeat(START + 1400);
    assert.equal(watch.check(START + 1500, stuck, lastDelivery, false), undefined, 'at the window exactly: not yet');
    watch.heartbeat(START + 1550);
    const verdict = watch.check(START + 1501, stuck, lastDelivery, false);
    assert.equal(verdict?.mode, 'hang');
    assert.match(String(verdict?.evidence.reason), /a request of the module in flight/);
    assert.equal(verdict?.evidence.stuckForMs, 1001);
});
test('module watch: waiting between requests (none in flight), a request that ended within the window, a pause, or a recent delivery is not a hang', () => {
    const now = START + 5000;
    const watch = new ModuleWatch(START, WINDOW, 0);
    watch.heartbeat(now - 10);
    assert.equal(watch.check(now, hb({ inFlight: 0, lastRequestEndAt: START }), Number.NaN, false), undefined, 'a backoff: nothing in flight');
    assert.equal(watch.check(now, hb({ inFlight: 1, lastRequestEndAt: now - 900 }), Number.NaN, false), undefined, 'another request ended within the window');
    assert.equal(watch.check(now, hb({ inFlight: 1, lastRequestEndAt: START }), now - 900, false), undefined, 'a delivery within the window');
    assert.equal(watch.check(now, hb({ inFlight: 1, lastRequestEndAt: START }), Number.NaN, true), undefined, 'frozen by a pause fault');
    assert.equal(watch.check(now, hb({ inFlight: 1, lastRequestEndAt: START }), Number.NaN, false)?.mode, 'hang');
});
test('module watch: no heartbeat for the hang window is a hang of the whole thread, requests or not', () => {
    const watch = new ModuleWatch(START, WINDOW, 0);
    const verdict = watch.check(START + 1200, hb({ inFlight: 0 }), Number.NaN, false);
    assert.equal(verdict?.mode, 'hang');
    assert.match(String(verdict?.evidence.reason), /unresponsive/);
});
test('record feed: batches of what waited, each message carrying its source and sequence; ends after the input stops; iterated once', async () => {
    const feed = new RecordFeed('c0s1g2', 64);
    feed.push(0, 1000.5);
    feed.push(1, 1001);
    const iterator = feed[Symbol.asyncIterator]();
    const first = await iterator.next();
    assert.equal(first.done, false);
    const batch = first.value;
    assert.deepEqual(batch.map((r) => r.seq), [0, 1]);
    assert.equal(batch[0]?.message.length, 64);
    assert.deepEqual(parseRecordMessage(batch[1].message), { source: 'c0s1g2', seq: 1, scheduledAt: 1001 });
    assert.equal(feed.waiting, 0);
    const next = iterator.next();
    feed.push(2, 1002);
    assert.deepEqual((await next).value.map((r) => r.seq), [2], 'a waiting reader is woken by the next record');
    feed.push(3, 1003);
    feed.end();
    assert.deepEqual((await iterator.next()).value.map((r) => r.seq), [3], 'what waited is still handed over after the end');
    assert.equal((await iterator.next()).done, true);
    assert.equal(feed.generated, 4);
    await assert.rejects(feed[Symbol.asyncIterator]().next(), /context\.records can be iterated once/);
});
//# sourceMappingURL=module-watch.test.js.map