import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { ManualClock } from '../../helpers/sink-manual-clock.js';
import { createStream, events, post, rawConnection, rawPut, startTestSink } from '../../helpers/sink-http.js';
const THROTTLE_BODY = '{"__type":"ThrottlingException","message":"Rate exceeded"}';
const HOUR = 3600_000;
describe('CloudWatch sink protocol', { timeout: 30_000 }, () => {
    let t;
    afterEach(async () => {
        await t?.stop();
        t = undefined;
    });
    const put = (sink, logEvents, sequenceToken, stream = 's') => sink.call('PutLogEvents', { logGroupName: 'g', logStreamName: stream, sequenceToken, logEvents });
    it('answers every request with the JSON content type, a request id and keep-alive headers', async () => {
        t = await startTestSink({ idleTimeout: 5000 });
        const r = await t.call('CreateLogGroup', { logGroupName: 'g' });
        assert.equal(r.status, 200);
        assert.equal(r.body, '');
        assert.equal(r.headers['content-type'], 'application/x-amz-json-1.1');
        assert.match(String(r.headers['x-amzn-requestid']), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        assert.equal(r.headers.connection, 'close', 'a client that asks to close is not told keep-alive');
        const bad = await t.call('Nope', {});
        assert.ok(bad.headers['x-amzn-requestid']);
        const conn = await rawConnection(t.address);
        conn.socket.write(rawPut('DescribeLogGroups', '{}'));
        await conn.waitFor('"logGroups"');
        assert.match(conn.received(), /^HTTP\/1\.1 200 OK\r\n/);
        assert.match(conn.received(), /\r\nConnection: keep-alive\r\n/);
        assert.match(conn.received(), /\r\nKeep-Alive: timeout=5\r\n/);
        assert.match(conn.received(), /\r\nx-amzn-RequestId: [0-9a-f-]{36}\r\n/);
        conn.socket.destroy();
    });
    it('throttles a stream over its token bucket with the exact 58-byte body', async () => {
        const clock = new ManualClock();
        t = await startTestSink({ streamRate: 5, streamBurst: 2 }, clock);
        await createStream(t);
        await createStream(t, 'g', 'other');
        const a = await put(t, events(1), undefined);
        const b = await put(t, events(1, Date.now() + 1), String(a.json.nextSequenceToken));
        assert.equal(a.status, 200);
        assert.equal(b.status, 200);
        const c = await put(t, events(1, Date.now() + 2), String(b.json.nextSequenceToken));
        assert.equal(c.status, 400);
        assert.equal(c.body, THROTTLE_BODY);
        assert.equal(Buffer.byteLength(c.body), 58);
        assert.equal(c.headers['content-length'], '58');
        assert.equal(c.headers['content-type'], 'application/x-amz-json-1.1');
        // Another stream has its own bucket.
        assert.equal((await put(t, events(1), undefined, 'other')).status, 200);
        // 200 ms of scenario time at 5/s refills one token.
        clock.advance(200);
        assert.equal((await put(t, events(1, Date.now() + 3), String(b.json.nextSequenceToken))).status, 200);
        assert.equal((await put(t, events(1, Date.now() + 4), 'whatever')).status, 400);
        assert.equal(t.sink.counters.requests.PutLogEvents.throttled, 2);
    });
    it('does not throttle with streamRate 0', async () => {
        t = await startTestSink({ streamRate: 0, sequenceTokens: 'ignored' });
        await createStream(t);
        for (let i = 0; i < 20; i++)
            assert.equal((await put(t, events(1))).status, 200);
    });
    describe('batch validation', () => {
        // Today's service (1 MiB events), so that two events can fill a batch.
        const expectInvalid = async (logEvents, pattern) => {
            t = await startTestSink({ sequenceTokens: 'ignored' });
            await createStream(t);
            const r = await put(t, logEvents);
            assert.equal(r.status, 400, r.body);
            assert.equal(r.json.__type, 'InvalidParameterException');
            assert.match(String(r.json.message), pattern);
            assert.equal(t.sink.counters.batchesStored, 0);
        };
        it('refuses an empty batch', () => expectInvalid([], /length greater than or equal to 1/));
        it('refuses more than 10,000 events', () => expectInvalid(events(10_001), /less than or equal to 10000/));
        it('refuses events out of chronological order', () => expectInvalid([{ timestamp: Date.now(), message: 'b' }, { timestamp: Date.now() - 1, message: 'a' }], /chronological order/));
        it('refuses a batch spanning more than 24 hours', () => expectInvalid([{ timestamp: Date.now() - 25 * HOUR, message: 'a' }, { timestamp: Date.now(), message: 'b' }], /span more than 24 hours/));
        it('refuses a batch over 1,048,576 bytes counting UTF-8 bytes + 26 per event', () => {
            // 524,262 + 524,263 UTF-8 bytes + 2 × 26 = 1,048,577.
            const big = '€'.repeat(174_754);
            assert.equal(Buffer.byteLength(big), 524_262);
            const now = Date.now();
            return expectInvalid([{ timestamp: now, message: big }, { timestamp: now, message: `${big.slice(1)}abcd` }], /1048577 bytes exceeds limit of 1048576/);
        });
        it('accepts a batch of exactly 1,048,576 bytes', async () => {
            t = await startTestSink({ sequenceTokens: 'ignored' });
            await createStream(t);
            const now = Date.now();
            const big = 'x'.repeat(524_262);
            const r = await put(t, [{ timestamp: now, message: big }, { timestamp: now, message: big }]);
            assert.equal(r.status, 200, r.body);
            assert.equal(t.sink.counters.bytesStored, 1_048_576);
        });
        it('answers a member of the wrong type with SerializationException and a missing one with InvalidParameter', async () => {
            t = await startTestSink();
            await createStream(t);
            const wrong = await put(t, [{ timestamp: 'now', message: 'a' }]);
            assert.equal(wrong.json.__type, 'SerializationException');
            const missing = await put(t, [{ timestamp: Date.now() }]);
            assert.equal(missing.json.__type, 'InvalidParameterException');
            assert.match(String(missing.json.message), /Member must not be null/);
            const noName = await t.call('PutLogEvents', { logGroupName: 'g', logEvents: events(1) });
            assert.equal(noName.json.__type, 'InvalidParameterException');
        });
        it('stores the rest of a batch whose first events are too old and last too new', async () => {
            t = await startTestSink();
            await createStream(t);
            const seen = [];
            t.sink.onAccepted((b) => seen.push(b));
            const now = Date.now();
            const r = await put(t, [
                { timestamp: now - 15 * 24 * HOUR, message: 'old' },
                { timestamp: now - 15 * 24 * HOUR + 1, message: 'old2' },
                { timestamp: now - 14 * 24 * HOUR + 10 * HOUR, message: 'kept' },
                { timestamp: now + 3 * HOUR, message: 'new' },
            ]);
            // (This batch spans more than 24 hours only if the check ignored order; it does not, so it is refused.)
            assert.equal(r.json.__type, 'InvalidParameterException');
            const ok = await put(t, [
                { timestamp: now - 14 * 24 * HOUR - 1000, message: 'old' },
                { timestamp: now - 14 * 24 * HOUR + 1000, message: 'kept' },
            ]);
            assert.equal(ok.status, 200, ok.body);
            assert.deepEqual(ok.json.rejectedLogEventsInfo, { tooOldLogEventEndIndex: 1 });
            const ok2 = await put(t, [
                { timestamp: now, message: 'kept2' },
                { timestamp: now + 3 * HOUR, message: 'new' },
            ], String(ok.json.nextSequenceToken));
            assert.deepEqual(ok2.json.rejectedLogEventsInfo, { tooNewLogEventStartIndex: 1 });
            assert.deepEqual(seen.map((b) => b.events.map((e) => e.message)), [['kept'], ['kept2']]);
            assert.equal(t.sink.counters.eventsRejected, 2);
        });
    });
    describe('sequence tokens', () => {
        it('answers a token on a fresh stream with InvalidSequenceToken expecting null', async () => {
            t = await startTestSink();
            await createStream(t);
            const r = await put(t, events(1), '4963');
            assert.equal(r.json.__type, 'InvalidSequenceTokenException');
            assert.equal(r.json.expectedSequenceToken, null);
            assert.equal(r.json.message, 'The given sequenceToken is invalid. The next expected sequenceToken is: null');
        });
        it('answers a missing token after the first put with InvalidSequenceToken', async () => {
            t = await startTestSink();
            await createStream(t);
            const first = await put(t, events(1));
            const again = await put(t, events(1, Date.now(), 'other'));
            assert.equal(again.json.__type, 'InvalidSequenceTokenException');
            assert.equal(again.json.expectedSequenceToken, first.json.nextSequenceToken);
        });
        it('answers the same batch re-sent with its old token DataAlreadyAccepted, and stores it once', async () => {
            t = await startTestSink();
            await createStream(t);
            const batch = events(3);
            const first = await put(t, batch);
            const b = events(2, Date.now(), 'b');
            const second = await put(t, b, String(first.json.nextSequenceToken));
            const resent = await put(t, b, String(first.json.nextSequenceToken));
            assert.equal(resent.json.__type, 'DataAlreadyAcceptedException');
            assert.equal(resent.json.expectedSequenceToken, second.json.nextSequenceToken);
            assert.match(String(resent.json.message), /has already been accepted/);
            // A different batch with the stale token is an invalid token, not already accepted.
            const other = await put(t, events(2, b[0]?.timestamp, 'c'), String(first.json.nextSequenceToken));
            assert.equal(other.json.__type, 'InvalidSequenceTokenException');
            assert.equal(t.sink.counters.batchesStored, 2);
            assert.equal(t.sink.counters.requests.PutLogEvents.dataAlreadyAccepted, 1);
        });
        it('ignores tokens with sequenceTokens false, and still returns one', async () => {
            t = await startTestSink({ sequenceTokens: 'ignored' });
            await createStream(t);
            const a = await put(t, events(1), 'garbage');
            const b = await put(t, events(1));
            const c = await put(t, events(1), 'garbage');
            for (const r of [a, b, c]) {
                assert.equal(r.status, 200, r.body);
                assert.match(String(r.json.nextSequenceToken), /^\d+$/);
            }
            assert.equal(t.sink.counters.batchesStored, 3);
        });
    });
    it('answers as usual when an onAccepted listener throws, and counts it', async () => {
        t = await startTestSink({ sequenceTokens: 'ignored' });
        await createStream(t);
        const warned = new Promise((resolve) => process.once('warning', () => resolve()));
        t.sink.onAccepted(() => {
            throw new Error('ledger bug');
        });
        const seen = [];
        t.sink.onAccepted((b) => seen.push(b));
        assert.equal((await put(t, events(1))).status, 200);
        await warned;
        assert.equal(seen.length, 1);
        assert.equal(t.sink.counters.listenerErrors, 1);
    });
    describe('bad requests never crash the server', () => {
        it('answers an unknown target UnknownOperationException and a non-JSON body SerializationException', async () => {
            t = await startTestSink();
            const unknown = await t.call('DeleteEverything', {});
            assert.equal(unknown.status, 400);
            assert.equal(unknown.json.__type, 'UnknownOperationException');
            const none = await post(t.address, {}, '{}');
            assert.equal(none.json.__type, 'UnknownOperationException');
            const get = await post(t.address, { 'X-Amz-Target': 'Logs_20140328.PutLogEvents' }, '', 'GET');
            assert.equal(get.json.__type, 'UnknownOperationException');
            const notJson = await t.call('PutLogEvents', '{"logGroupName": "g",');
            assert.equal(notJson.status, 400);
            assert.equal(notJson.json.__type, 'SerializationException');
            assert.match(String(notJson.json.message), /not valid JSON/);
            const array = await t.call('PutLogEvents', '[1,2]');
            assert.match(String(array.json.message), /must be a JSON object/);
        });
        it('answers bytes that are not HTTP with 400 and closes the connection', async () => {
            t = await startTestSink();
            for (const garbage of ['\u0000\u0001\u0002\r\n\r\n', 'GET / HTTP/9.9\r\n\r\n', 'POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n']) {
                const conn = await rawConnection(t.address);
                conn.socket.write(garbage);
                await conn.closed;
                assert.match(conn.received(), /^HTTP\/1\.1 400 Bad Request\r\n/);
                assert.match(conn.received(), /x-amzn-RequestId: /);
            }
            assert.equal((await t.call('DescribeLogGroups', {})).status, 200);
        });
        it('answers a body over the limit 413', async () => {
            t = await startTestSink({ maxBodyBytes: 1000 });
            const r = await t.call('PutLogEvents', 'x'.repeat(5000));
            assert.equal(r.status, 413);
            assert.equal(t.sink.counters.requests.PutLogEvents.badRequest, 1);
        });
        it('survives fuzzed bodies and headers on every operation', async () => {
            t = await startTestSink({ streamRate: 100, streamBurst: 100 });
            await createStream(t);
            let seed = 42;
            const rand = (n) => {
                seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
                return seed % n;
            };
            const values = [null, true, 0, -1, Number.MAX_VALUE, 'x', '', [], {}, [{}], [null], { timestamp: 1 }, 'g', 's', [{ timestamp: Date.now(), message: 'm' }]];
            const ops = ['CreateLogGroup', 'CreateLogStream', 'PutLogEvents', 'DescribeLogGroups', 'DescribeLogStreams', 'PutRetentionPolicy', ''];
            const members = ['logGroupName', 'logStreamName', 'logEvents', 'sequenceToken', 'limit', 'nextToken', 'descending', 'orderBy', 'retentionInDays', 'logStreamNamePrefix', '__proto__'];
            for (let i = 0; i < 300; i++) {
                let body;
                if (i % 5 === 0) {
                    body = Buffer.from(Array.from({ length: rand(64) }, () => rand(256))).toString('latin1');
                }
                else {
                    const o = {};
                    for (let k = rand(5); k > 0; k--)
                        o[members[rand(members.length)]] = values[rand(values.length)];
                    body = JSON.stringify(o);
                    if (i % 7 === 0)
                        body = body.slice(0, rand(body.length + 1));
                }
                const r = await t.call(ops[rand(ops.length)], body);
                assert.ok(r.status === 200 || r.status === 400, `unexpected ${r.status}: ${r.body}`);
                assert.ok(r.status === 200 || typeof r.json.__type === 'string', r.body);
            }
            for (const body of ['{"logGroupName":"g","logStreamName":"s","logEvents":[{"timestamp":1e400,"message":"x"}]}', '\u0000', '"', 'null', '{"logEvents":{}}']) {
                const r = await t.call('PutLogEvents', body);
                assert.equal(r.status, 400, r.body);
            }
            assert.equal(Object.values(t.sink.counters.requests).reduce((n, o) => n + o.internalError, 0), 0);
            // Still serving.
            assert.equal((await t.call('DescribeLogGroups', {})).status, 200);
        });
    });
});
//# sourceMappingURL=cloudwatch-protocol.test.js.map