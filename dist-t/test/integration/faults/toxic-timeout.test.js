import assert from 'node:assert/strict';
import { once } from 'node:events';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { proxyPort, proxyTo, proxyStage } from '../../helpers/proxy-harness.js';
import { connect, readToEnd, within } from '../../helpers/tcp-servers.js';
describe('timeout toxic through real sockets', { timeout: 30_000 }, () => {
    const stage = proxyStage();
    it('swallows data and closes after its time', async () => {
        const proxy = await proxyTo(stage.server, 't', stage.echo.address, [{ type: 'timeout', attributes: { timeout: 300 } }]);
        const s = await connect(proxyPort(proxy));
        const t0 = performance.now();
        const result = readToEnd(s);
        s.write('hello');
        const { data, how } = await within(5000, 'the close', result);
        const ms = performance.now() - t0;
        console.log(`timeout 300: closed (${how}) after ${ms.toFixed(0)} ms with ${data.length} bytes (expected ≈ 300, 0 bytes)`);
        assert.equal(data.length, 0);
        assert.ok(ms >= 295 && ms < 400, `${ms.toFixed(0)} ms`);
        s.destroy();
        await stage.server.collection.remove('t');
    });
    /** A server that sends nothing and closes each connection `ms` after accepting it. */
    async function closingAfter(ms) {
        const closer = net.createServer((c) => {
            c.on('error', () => { });
            setTimeout(() => c.end(), ms);
        });
        closer.listen(0, '127.0.0.1');
        await once(closer, 'listening');
        return closer;
    }
    it('passes the far end\'s close on, as Toxiproxy\'s does: timeout 0, server closes after 500 ms, client closed at ≈500 ms', async () => {
        // Toxiproxy's toxics/timeout.go closes the stub on a nil chunk (the input's end) in every release from
        // v2.1.4 to v2.12.0; through a real v2.12.0 the client gets FIN about 502 ms in.
        const closer = await closingAfter(500);
        try {
            const { port } = closer.address();
            const proxy = await proxyTo(stage.server, 'teof', `127.0.0.1:${port}`, [{ type: 'timeout', attributes: { timeout: 0 } }]);
            const s = await connect(proxyPort(proxy));
            const t0 = performance.now();
            const { data } = await within(5000, 'the close', readToEnd(s));
            const ms = performance.now() - t0;
            console.log(`timeout 0, server closing at 500 ms: client closed after ${ms.toFixed(0)} ms (expected ≈ 500)`);
            assert.equal(data.length, 0);
            assert.ok(ms >= 450 && ms < 1500, `${ms.toFixed(0)} ms`);
            await stage.server.collection.remove('teof');
        }
        finally {
            closer.close();
        }
    });
    it('silent (duress\'s own) swallows that close: the connection stays open and silent until the toxic goes', async () => {
        const closer = await closingAfter(100);
        try {
            const { port } = closer.address();
            const proxy = await proxyTo(stage.server, 'silent', `127.0.0.1:${port}`, [{ name: 'quiet', type: 'silent', attributes: { timeout: 0 } }]);
            const s = await connect(proxyPort(proxy));
            const result = readToEnd(s);
            const outcome = await Promise.race([result.then(() => 'closed'), new Promise((r) => setTimeout(() => r('still open'), 1500))]);
            assert.equal(outcome, 'still open', 'the server closed at 100 ms and silent let the close through');
            await proxy.removeToxic('quiet'); // removing it closes the connection, as removing timeout does
            const { data } = await within(5000, 'the close once the toxic is gone', result);
            assert.equal(data.length, 0);
            await stage.server.collection.remove('silent');
        }
        finally {
            closer.close();
        }
    });
    it('upstream: the server gets nothing', async () => {
        const proxy = await proxyTo(stage.server, 'tu', stage.sink.address, [{ type: 'timeout', stream: 'upstream', attributes: { timeout: 100 } }]);
        const s = await connect(proxyPort(proxy));
        const done = readToEnd(s);
        s.write('secret');
        await within(5000, 'the close', done);
        await stage.sink.accepted(1);
        const { data } = await within(5000, 'the sink connection to finish', stage.sink.finished[0]);
        assert.equal(data.length, 0);
        s.destroy();
        await stage.server.collection.remove('tu');
    });
    it('with 0 never closes (still open well past a short timeout), and removing it closes the connection', async () => {
        const proxy = await proxyTo(stage.server, 't0', stage.echo.address, [{ name: 'hold', type: 'timeout', attributes: { timeout: 0 } }]);
        const s = await connect(proxyPort(proxy));
        const got = [];
        s.on('data', (d) => got.push(d));
        let closedAt;
        const closed = new Promise((resolve) => s.once('close', () => {
            closedAt = performance.now();
            resolve();
        }));
        s.on('error', () => { });
        s.write('hello');
        await new Promise((r) => setTimeout(r, 1000));
        assert.equal(closedAt, undefined, 'a timeout of 0 closed the connection');
        assert.equal(Buffer.concat(got).length, 0, 'data went through a timeout toxic');
        assert.equal(s.destroyed, false);
        const removedAt = performance.now();
        await proxy.removeToxic('hold');
        await within(5000, 'the close after removal', closed);
        console.log(`timeout 0: open after 1000 ms; closed ${((closedAt ?? 0) - removedAt).toFixed(1)} ms after removal`);
        await stage.server.collection.remove('t0');
    });
});
//# sourceMappingURL=toxic-timeout.test.js.map