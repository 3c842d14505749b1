import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, it } from 'node:test';
import { createStream, events, post, rawConnection, rawPut, startTestSink } from '../../helpers/sink-http.js';
function ended(sink, id) {
    return new Promise((resolve) => {
        const off = sink.faults.onEnd((fault, reason) => {
            if (fault.id !== id)
                return;
            off();
            resolve(reason);
        });
    });
}
describe('CloudWatch sink faults', { timeout: 30_000 }, () => {
    let t;
    let stored;
    const messages = () => stored.map((b) => b.events.map((e) => e.message));
    const put = (logEvents, sequenceToken, stream = 's') => t.call('PutLogEvents', { logGroupName: 'g', logStreamName: stream, sequenceToken, logEvents });
    const setup = async (overrides = {}) => {
        t = await startTestSink(overrides);
        stored = [];
        t.sink.onAccepted((b) => stored.push(b));
        await createStream(t);
    };
    afterEach(() => t.stop());
    it('discard: answers 200 with a fresh token but neither stores nor emits', async () => {
        await setup();
        const id = t.sink.faults.add({ kind: 'discard', batches: 2 });
        const done = ended(t.sink, id);
        const a = await put(events(1, Date.now(), 'a'));
        const b = await put(events(1, Date.now(), 'b'), a.json.nextSequenceToken);
        const c = await put(events(1, Date.now(), 'c'), b.json.nextSequenceToken);
        for (const r of [a, b, c])
            assert.equal(r.status, 200, r.body);
        assert.notEqual(a.json.nextSequenceToken, b.json.nextSequenceToken);
        assert.equal(await done, 'exhausted');
        assert.deepEqual(messages(), [['c-0']]);
        assert.equal(t.sink.streams()[0]?.events, 1);
        assert.equal(t.sink.counters.batchesDiscarded, 2);
        assert.equal(t.sink.counters.requests.PutLogEvents.discarded, 2);
    });
    it('duplicate with sequence tokens: 500, the re-send is InvalidSequenceToken, the retry with the new token stores it again', async () => {
        await setup();
        t.sink.faults.add({ kind: 'duplicate', batches: 1 });
        const batch = events(2, Date.now(), 'x');
        const first = await put(batch);
        assert.equal(first.status, 500);
        assert.equal(first.json.__type, 'ServiceUnavailableException');
        assert.deepEqual(messages(), [['x-0', 'x-1']]);
        const resent = await put(batch);
        assert.equal(resent.json.__type, 'InvalidSequenceTokenException');
        const retried = await put(batch, resent.json.expectedSequenceToken);
        assert.equal(retried.status, 200, retried.body);
        assert.deepEqual(messages(), [
            ['x-0', 'x-1'],
            ['x-0', 'x-1'],
        ]);
        assert.equal(t.sink.counters.batchesDuplicated, 1);
        assert.equal(t.sink.counters.requests.PutLogEvents.duplicated, 1);
    });
    it('duplicate without sequence tokens: the re-send is stored again at once', async () => {
        await setup({ sequenceTokens: 'ignored' });
        t.sink.faults.add({ kind: 'duplicate', batches: 1 });
        const batch = events(1, Date.now(), 'y');
        assert.equal((await put(batch)).status, 500);
        assert.equal((await put(batch)).status, 200);
        assert.deepEqual(messages(), [['y-0'], ['y-0']]);
    });
    it('throttle: every PutLogEvents is throttled during the window, other operations are not', async () => {
        await setup();
        const id = t.sink.faults.add({ kind: 'throttle', for: 300 });
        const done = ended(t.sink, id);
        const started = performance.now();
        const r = await put(events(1));
        assert.equal(r.status, 400);
        assert.equal(r.body, '{"__type":"ThrottlingException","message":"Rate exceeded"}');
        assert.equal((await t.call('DescribeLogStreams', { logGroupName: 'g' })).status, 200);
        assert.equal(await done, 'expired');
        assert.ok(performance.now() - started >= 280);
        assert.equal((await put(events(1))).status, 200);
        assert.equal(t.sink.counters.requests.PutLogEvents.throttled, 1);
    });
    it('throttle by request count', async () => {
        await setup({ sequenceTokens: 'ignored' });
        t.sink.faults.add({ kind: 'throttle', requests: 2 });
        const statuses = [];
        for (let i = 0; i < 3; i++)
            statuses.push((await put(events(1))).status);
        assert.deepEqual(statuses, [400, 400, 200]);
    });
    it('error: 503 for n requests, then normal answers; limited to chosen operations', async () => {
        await setup({ sequenceTokens: 'ignored' });
        t.sink.faults.add({ kind: 'error', status: 503, requests: 2, ops: ['PutLogEvents'] });
        assert.equal((await t.call('DescribeLogGroups', {})).status, 200);
        const a = await put(events(1));
        assert.equal(a.status, 503);
        assert.equal(a.json.__type, 'ServiceUnavailableException');
        assert.equal((await put(events(1))).status, 503);
        assert.equal((await put(events(1))).status, 200);
        assert.equal(stored.length, 1);
        assert.equal(t.sink.counters.requests.PutLogEvents.serverError, 2);
        assert.equal(t.sink.counters.statuses['503'], 2);
    });
    it('error: 500 on every operation for a window', async () => {
        await setup();
        const id = t.sink.faults.add({ kind: 'error', status: 500, for: 200 });
        const done = ended(t.sink, id);
        assert.equal((await t.call('CreateLogGroup', { logGroupName: 'h' })).status, 500);
        assert.equal((await put(events(1))).status, 500);
        await done;
        assert.equal((await t.call('CreateLogGroup', { logGroupName: 'h' })).status, 200);
    });
    it('slow: adds latency to answers while active, on top of the configured latency', async () => {
        await setup({ latency: 50, sequenceTokens: 'ignored' });
        const timed = async () => {
            const started = performance.now();
            assert.equal((await put(events(1))).status, 200);
            return performance.now() - started;
        };
        assert.ok((await timed()) >= 45);
        const id = t.sink.faults.add({ kind: 'slow', latency: 250 });
        assert.ok((await timed()) >= 290);
        t.sink.faults.remove(id);
        assert.ok((await timed()) < 250);
    });
    it('drop-connection: reads the request, sends part of the headers and closes; nothing is stored', async () => {
        await setup();
        t.sink.faults.add({ kind: 'drop-connection', requests: 1 });
        const conn = await rawConnection(t.address);
        conn.socket.write(rawPut('PutLogEvents', JSON.stringify({ logGroupName: 'g', logStreamName: 's', logEvents: events(1) })));
        await conn.closed;
        assert.match(conn.received(), /^HTTP\/1\.1 200 OK\r\n/);
        assert.ok(!conn.received().includes('\r\n\r\n'), 'the header block never ends');
        assert.equal(stored.length, 0);
        assert.equal(t.sink.counters.connections.dropped, 1);
        assert.equal(t.sink.counters.requests.PutLogEvents.dropped, 1);
        // A client sees a broken response.
        t.sink.faults.add({ kind: 'drop-connection', requests: 1 });
        await assert.rejects(put(events(1)));
        assert.equal((await put(events(1))).status, 200);
    });
    it('drop-connection with afterStore: the batch is stored and emitted, the client never hears', async () => {
        await setup();
        t.sink.faults.add({ kind: 'drop-connection', requests: 1, afterStore: true });
        await assert.rejects(post(t.address, { 'X-Amz-Target': 'Logs_20140328.PutLogEvents' }, JSON.stringify({ logGroupName: 'g', logStreamName: 's', logEvents: events(1, Date.now(), 'z') })));
        assert.deepEqual(messages(), [['z-0']]);
    });
    it('scopes faults to streams, and lists, removes and clears them', async () => {
        await setup({ sequenceTokens: 'ignored' });
        await createStream(t, 'g', 'other');
        const id = t.sink.faults.add({ kind: 'error', status: 500, streams: ['other'] });
        t.sink.faults.add({ kind: 'discard', streams: ['other'] });
        assert.equal((await put(events(1))).status, 200);
        assert.equal((await put(events(1), undefined, 'other')).status, 500);
        assert.deepEqual(t.sink.faults.list().map((f) => [f.id, f.spec.kind]), [
            [id, 'error'],
            ['sink-fault-2', 'discard'],
        ]);
        const reasons = [];
        t.sink.faults.onEnd((_, reason) => reasons.push(reason));
        assert.equal(t.sink.faults.remove(id), true);
        assert.equal(t.sink.faults.remove(id), false);
        assert.equal((await put(events(1), undefined, 'other')).status, 200);
        assert.equal(stored.length, 1, 'the discard fault still holds for the other stream');
        t.sink.faults.clear();
        assert.deepEqual(reasons, ['removed', 'cleared']);
        assert.equal(t.sink.faults.list().length, 0);
        assert.equal((await put(events(1), undefined, 'other')).status, 200);
        assert.equal(stored.length, 2);
    });
    it('refuses malformed fault specs', async () => {
        await setup();
        assert.throws(() => t.sink.faults.add({ kind: 'discard', batches: 0 }), RangeError);
        assert.throws(() => t.sink.faults.add({ kind: 'error', status: 404 }), RangeError);
        assert.throws(() => t.sink.faults.add({ kind: 'slow', latency: -1 }), RangeError);
        assert.throws(() => t.sink.faults.add({ kind: 'throttle', for: Number.NaN }), RangeError);
    });
});
//# sourceMappingURL=cloudwatch-faults.test.js.map