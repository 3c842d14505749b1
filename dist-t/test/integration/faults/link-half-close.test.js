import assert from 'node:assert/strict';
import { once } from 'node:events';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { proxyPort, proxyTo, proxyStage } from '../../helpers/proxy-harness.js';
import { connect, readToEnd, within } from '../../helpers/tcp-servers.js';
import { waitFor } from '../../helpers/wait.js';
/**
 * A server that keeps its side open after the peer's FIN (allowHalfOpen), so it can show what the proxy
 * does to it; `onConnection` scripts its side.
 */
async function halfOpenServer(onConnection) {
    const sides = [];
    const server = net.createServer({ allowHalfOpen: true }, (c) => {
        const side = { data: [], closed: once(c, 'close').then(() => undefined) };
        sides.push(side);
        c.on('error', (err) => (side.writeError ??= err.code ?? err.message));
        c.on('data', (d) => side.data.push(d));
        c.on('end', () => (side.endAt = performance.now()));
        onConnection(c, side);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return { server, sides, address: `127.0.0.1:${server.address().port}` };
}
// Toxiproxy (link.go) closes a link's destination with a full Close() when its source ends, and the other
// direction's reader then fails on that closed socket: a FIN from either side tears the whole connection
// down. duress's proxy used to pass the FIN on as a half-close and deliver the reply.
describe('half-close: a FIN from either side closes the whole connection, as in Toxiproxy', { timeout: 30_000 }, () => {
    const stage = proxyStage();
    it('the client ends after its request: the server sees the end at once, and its reply 150 ms later is lost', async () => {
        const { server, sides, address } = await halfOpenServer((c) => {
            c.once('data', () => setTimeout(() => c.end('the reply'), 150));
        });
        try {
            const proxy = await proxyTo(stage.server, 'hc', address);
            const s = await connect(proxyPort(proxy));
            const result = readToEnd(s);
            const t0 = performance.now();
            s.end('request');
            const { data, how } = await within(5000, 'the client side to finish', result);
            const ms = performance.now() - t0;
            const side = sides[0];
            await within(5000, 'the server side to close', side.closed);
            console.log(`client FIN: client finished (${how}) after ${ms.toFixed(1)} ms with ${data.length} bytes; server saw the end after ${((side.endAt ?? NaN) - t0).toFixed(1)} ms; its reply: ${side.writeError ?? 'no error'}`);
            assert.equal(Buffer.concat(side.data).toString(), 'request', 'the request must still reach the server');
            assert.equal(data.length, 0, 'the reply came through a half-close');
            assert.ok(side.endAt !== undefined && side.endAt - t0 < 150, 'the server should see the connection end before it replies');
            assert.ok(ms < 150, `the client's connection should close at once, not after the reply (${ms.toFixed(1)} ms)`);
            await waitFor(() => proxy.connectionCount === 0, 5000, 'the proxy to drop the connection');
            await stage.server.collection.remove('hc');
        }
        finally {
            server.close();
        }
    });
    it('the server ends: the client gets the data and the end, and what it sends afterwards never reaches the server', async () => {
        const { server, sides, address } = await halfOpenServer((c) => {
            c.once('data', () => c.end('bye'));
        });
        try {
            const proxy = await proxyTo(stage.server, 'hs', address);
            // The client keeps its side open after the FIN it gets, so it can still send.
            const s = net.connect({ port: proxyPort(proxy), host: '127.0.0.1', allowHalfOpen: true });
            await once(s, 'connect');
            s.on('error', () => { });
            const ended = new Promise((resolve) => {
                const chunks = [];
                s.on('data', (d) => chunks.push(d));
                s.once('end', () => resolve(Buffer.concat(chunks)));
            });
            s.write('hello');
            const got = await within(5000, 'the server\'s data and end', ended);
            assert.equal(got.toString(), 'bye');
            s.end('too late');
            const side = sides[0];
            await within(5000, 'the server side to close', side.closed);
            assert.equal(Buffer.concat(side.data).toString(), 'hello', 'data sent after the server\'s FIN reached the server');
            await waitFor(() => proxy.connectionCount === 0, 5000, 'the proxy to drop the connection');
            await stage.server.collection.remove('hs');
        }
        finally {
            server.close();
        }
    });
    it('with a latency toxic downstream, a reply already in the chain is still delivered before the close', async () => {
        const { server, address } = await halfOpenServer((c) => {
            c.once('data', () => c.end('delayed reply'));
        });
        try {
            const proxy = await proxyTo(stage.server, 'hl', address, [{ type: 'latency', attributes: { latency: 100 } }]);
            const s = await connect(proxyPort(proxy));
            const result = readToEnd(s);
            s.write('ask');
            const { data, how } = await within(5000, 'the reply and the end', result);
            assert.equal(data.toString(), 'delayed reply');
            assert.equal(how, 'end');
            await stage.server.collection.remove('hl');
        }
        finally {
            server.close();
        }
    });
});
//# sourceMappingURL=link-half-close.test.js.map