import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { connect as tlsConnect } from 'node:tls';
import { afterEach, describe, it } from 'node:test';
import { ScaledClock } from '../../../src/core/clock.js';
import { rawConnection, rawPut, startTestSink } from '../../helpers/sink-http.js';
/** Wall ms from the end of a response on a keep-alive connection until the sink closes it. */
async function idleCloseAfterResponse(conn) {
    conn.socket.write(rawPut('DescribeLogGroups', '{}'));
    await conn.waitFor('"logGroups"');
    const answered = performance.now();
    await conn.closed;
    return performance.now() - answered;
}
describe('CloudWatch sink idle keep-alive close', { timeout: 20_000 }, () => {
    let t;
    afterEach(async () => {
        await t?.stop();
        t = undefined;
    });
    it('closes an idle keep-alive connection after idleTimeout', async () => {
        t = await startTestSink({ idleTimeout: 300 });
        const conn = await rawConnection(t.address);
        const elapsed = await idleCloseAfterResponse(conn);
        assert.ok(elapsed >= 280 && elapsed < 900, `closed after ${elapsed.toFixed(0)} ms, expected about 300`);
        assert.match(conn.received(), /\r\nKeep-Alive: timeout=0\r\n/);
        assert.equal(t.sink.counters.connections.idleClosed, 1);
    });
    it('closes an idle keep-alive TLS connection after idleTimeout too', async () => {
        t = await startTestSink({ idleTimeout: 300, tls: true });
        const { port, ca } = t.address;
        const socket = tlsConnect({ host: '127.0.0.1', port, ca });
        socket.on('error', () => undefined);
        const closed = new Promise((resolve) => socket.once('close', () => resolve()));
        await new Promise((resolve) => socket.once('secureConnect', () => resolve()));
        let received = '';
        const answered = new Promise((resolve) => socket.on('data', (d) => {
            received += d.toString();
            if (received.includes('"logGroups"'))
                resolve(performance.now());
        }));
        socket.write(rawPut('DescribeLogGroups', '{}'));
        const at = await answered;
        await closed;
        const elapsed = performance.now() - at;
        assert.ok(elapsed >= 280 && elapsed < 900, `closed after ${elapsed.toFixed(0)} ms, expected about 300`);
        assert.equal(t.sink.counters.connections.idleClosed, 1);
    });
    it('keeps a connection that is used more often than idleTimeout', async () => {
        t = await startTestSink({ idleTimeout: 400 });
        const conn = await rawConnection(t.address);
        for (let i = 1; i <= 3; i++) {
            conn.socket.write(rawPut('DescribeLogGroups', '{}'));
            // The i-th answer before the next request: the connection is reused each time.
            await conn.waitFor('"logGroups"', i);
        }
        assert.equal(t.sink.counters.connections.opened, 1);
        await conn.closed;
    });
    it('scales idleTimeout by the clock speed and advertises it in scenario seconds', async () => {
        t = await startTestSink({ idleTimeout: 3000 }, new ScaledClock(10));
        const conn = await rawConnection(t.address);
        const elapsed = await idleCloseAfterResponse(conn);
        assert.ok(elapsed >= 280 && elapsed < 900, `closed after ${elapsed.toFixed(0)} ms wall, expected about 300`);
        assert.match(conn.received(), /\r\nKeep-Alive: timeout=3\r\n/);
    });
    it('close-idle fault overrides the idle timeout while active', async () => {
        t = await startTestSink({ idleTimeout: 60_000 });
        const id = t.sink.faults.add({ kind: 'close-idle', after: 200 });
        const conn = await rawConnection(t.address);
        const elapsed = await idleCloseAfterResponse(conn);
        assert.ok(elapsed >= 180 && elapsed < 900, `closed after ${elapsed.toFixed(0)} ms, expected about 200`);
        assert.ok(t.sink.faults.remove(id));
        const kept = await rawConnection(t.address);
        kept.socket.write(rawPut('DescribeLogGroups', '{}'));
        await kept.waitFor('"logGroups"');
        assert.match(kept.received(), /\r\nKeep-Alive: timeout=60\r\n/);
        kept.socket.destroy();
    });
    it('does not close a connection while its answer is delayed past idleTimeout', async () => {
        t = await startTestSink({ idleTimeout: 100, latency: 400 });
        const conn = await rawConnection(t.address);
        conn.socket.write(rawPut('DescribeLogGroups', '{}'));
        await conn.waitFor('"logGroups"');
        await conn.closed;
        assert.equal(t.sink.counters.connections.idleClosed, 1);
    });
    it('stop() closes busy and idle connections at once', async () => {
        t = await startTestSink({ idleTimeout: 60_000, latency: 60_000 });
        const idle = await rawConnection(t.address);
        const busy = await rawConnection(t.address);
        busy.socket.write(rawPut('DescribeLogGroups', '{}'));
        while (t.sink.counters.requests.DescribeLogGroups.ok === 0)
            await new Promise((r) => setImmediate(r));
        const started = performance.now();
        await t.stop();
        await Promise.all([idle.closed, busy.closed]);
        assert.ok(performance.now() - started < 1000);
        t = undefined;
    });
});
//# sourceMappingURL=cloudwatch-idle.test.js.map