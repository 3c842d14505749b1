import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, describe, it } from 'node:test';
import { createStream, events, rawConnection, startTestSink } from '../../helpers/sink-http.js';
import { waitFor } from '../../helpers/wait.js';
const MiB = 1024 * 1024;
/**
 * A child process that opens `count` uploads to `port`, each declaring `declared` bytes and sending
 * `send` of them (writing only as fast as its sockets drain), then stalls until killed. In its own
 * process so that its send buffers do not count as the sink's memory.
 */
function stalledUploads(port, count, declared, send) {
    const script = `
    import net from 'node:net';
    const chunk = Buffer.alloc(64 * 1024, 120);
    for (let i = 0; i < ${count}; i++) {
      const s = net.connect(${port}, '127.0.0.1', () => {
        s.write('POST / HTTP/1.1\\r\\nHost: sink\\r\\nX-Amz-Target: Logs_20140328.PutLogEvents\\r\\n' +
          'Content-Type: application/x-amz-json-1.1\\r\\nContent-Length: ${declared}\\r\\n\\r\\n');
        let sent = 0;
        const pump = () => { while (sent < ${send}) { sent += chunk.length; if (!s.write(chunk)) { s.once('drain', pump); return; } } };
        pump();
      });
      s.on('error', () => {});
    }
    setInterval(() => {}, 1000);
  `;
    return spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
}
describe('CloudWatch sink request limits', { timeout: 120_000 }, () => {
    const sinks = [];
    const children = [];
    after(async () => {
        for (const c of children)
            c.kill('SIGKILL');
        for (const t of sinks)
            await t.stop();
    });
    it('answers a declared body over the maximum 413 RequestEntityTooLargeException at once, without reading it, and closes', async () => {
        const t = await startTestSink({ maxBodyBytes: 1 * MiB });
        sinks.push(t);
        const c = await rawConnection(t.address);
        c.socket.write(`POST / HTTP/1.1\r\nHost: sink\r\nX-Amz-Target: Logs_20140328.PutLogEvents\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: ${1 * MiB + 1}\r\n\r\n`);
        await c.waitFor('RequestEntityTooLargeException');
        await c.closed;
        assert.match(c.received(), /^HTTP\/1\.1 413 /);
        assert.match(c.received(), /x-amzn-RequestId: /i);
        assert.equal(t.sink.counters.requestsTooLarge, 1);
        assert.equal(t.sink.counters.requests.PutLogEvents.badRequest, 1);
        assert.equal(t.sink.counters.requestBudget.readBytes, 0, 'not a byte of the body was read');
    });
    it('answers a chunked body that grows past the maximum 413 once it ends, holding none of it', async () => {
        const t = await startTestSink({ maxBodyBytes: 64 * 1024 });
        sinks.push(t);
        const c = await rawConnection(t.address);
        c.socket.write('POST / HTTP/1.1\r\nHost: sink\r\nX-Amz-Target: Logs_20140328.PutLogEvents\r\nTransfer-Encoding: chunked\r\n\r\n');
        const piece = 'x'.repeat(32 * 1024);
        for (let i = 0; i < 4; i++)
            c.socket.write(`${piece.length.toString(16)}\r\n${piece}\r\n`);
        c.socket.write('0\r\n\r\n');
        await c.waitFor('RequestEntityTooLargeException');
        assert.match(c.received(), /^HTTP\/1\.1 413 /);
        assert.equal(t.sink.counters.requestsTooLarge, 1);
        assert.equal(t.sink.counters.requestBudget.heldBytes, 0);
    });
    it('holds at most its byte budget under a flood of 40 stalled slow uploads, and serves the waiting ones when they go', async () => {
        const budget = 16 * MiB;
        const t = await startTestSink({ sequenceTokens: 'ignored', maxBodyBytes: 8 * MiB, requestBudget: budget });
        sinks.push(t);
        await createStream(t);
        const before = process.memoryUsage();
        // 40 uploads declare 8 MiB each and send 6 MiB: 240 MiB offered. Two fit the budget at a time.
        const flood = stalledUploads(t.address.port, 40, 8 * MiB, 6 * MiB);
        children.push(flood);
        const b = t.sink.counters.requestBudget;
        await waitFor(() => b.waiting === 38 && b.readBytes >= 12 * MiB, 60_000, 'two uploads read to where they stall, 38 waiting');
        const during = process.memoryUsage();
        const grewRss = (during.rss - before.rss) / MiB;
        const grewBuffers = (during.arrayBuffers - before.arrayBuffers) / MiB;
        assert.equal(b.heldBytes, budget);
        assert.ok(b.peakBytes <= budget, `peak ${b.peakBytes}`);
        // Without the budget the sink would read all 240 MiB; with it, what it holds is what the two admitted
        // uploads sent (12 MiB) plus socket read buffers. Generous bounds for a loaded machine's GC.
        assert.ok(grewBuffers < 48, `array buffers grew ${grewBuffers.toFixed(1)} MiB`);
        assert.ok(grewRss < 96, `rss grew ${grewRss.toFixed(1)} MiB`);
        process.stdout.write(`# 40 stalled uploads of 6 MiB, budget 16 MiB: rss +${grewRss.toFixed(1)} MiB, array buffers +${grewBuffers.toFixed(1)} MiB, read ${(b.readBytes / MiB).toFixed(1)} MiB\n`);
        // A well-behaved client queues behind them (FIFO) ...
        const put = t.call('PutLogEvents', { logGroupName: 'g', logStreamName: 's', logEvents: events(1) });
        await waitFor(() => b.waiting === 39, 10_000, 'the put to queue');
        // ... and is served as soon as the stalled uploads go away.
        flood.kill('SIGKILL');
        await once(flood, 'exit');
        assert.equal((await put).status, 200);
        await waitFor(() => b.heldBytes === 0 && b.waiting === 0, 20_000, 'the budget to empty');
        assert.equal(t.sink.counters.eventsStored, 1);
    });
});
//# sourceMappingURL=cloudwatch-request-limits.test.js.map