import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { ScaledClock } from '../../../src/core/clock.js';
import { createDnsServer } from '../../../src/faults/dns-server.js';
import { createLookup } from '../../../src/faults/dns-lookup.js';
import { errorCode, waitFor } from '../../helpers/wait.js';
const TEST_TIMEOUT = 15_000;
const SINK = 'sink.duress.test';
async function setup(t, lookupOptions, clock = new ScaledClock(1)) {
    const server = createDnsServer({ clock, records: { [SINK]: ['127.0.0.1'], 'dual.duress.test': ['127.0.0.1', '::1'] } });
    t.after(() => server.stop());
    const address = await server.start();
    const lookup = createLookup({ server: address, clock, ...lookupOptions });
    t.after(() => lookup.cancelAll());
    return { server, lookup, port: address.port };
}
/** Calls the lookup the way net does and returns what the callback got. */
function callLookup(lookup, hostname, options) {
    return new Promise((resolve) => lookup(hostname, options, (err, address, family) => resolve({ err, address, family })));
}
/** Settles when the promise does; `state()` tells whether it has. */
function track(promise) {
    let state = 'pending';
    const settled = promise.then((v) => {
        state = 'settled';
        return v;
    }, (e) => {
        state = 'settled';
        return e;
    });
    return { state: () => state, settled };
}
async function localServer(t, host = '127.0.0.1') {
    const server = net.createServer();
    const accepted = new Promise((resolve) => server.once('connection', resolve));
    t.after(() => {
        server.close();
        void accepted.then((s) => s.destroy());
    });
    server.listen(0, host);
    await once(server, 'listening');
    const info = server.address();
    assert.ok(info !== null && typeof info === 'object');
    return { port: info.port, accepted };
}
describe('dns lookup: answers', { timeout: TEST_TIMEOUT }, () => {
    for (const timeout of [2000, null]) {
        it(`resolves through our server (timeout ${timeout})`, async (t) => {
            const { server, lookup } = await setup(t, { timeout });
            assert.deepEqual(await lookup.resolve(SINK, { family: 4 }), [{ address: '127.0.0.1', family: 4 }]);
            assert.deepEqual(await lookup.resolve('dual.duress.test'), [
                { address: '127.0.0.1', family: 4 },
                { address: '::1', family: 6 },
            ]);
            assert.deepEqual(await lookup.resolve(SINK), [{ address: '127.0.0.1', family: 4 }]);
            assert.equal(await errorCode(lookup.resolve(SINK, { family: 6 })), 'ENOTFOUND');
            assert.equal(await errorCode(lookup.resolve('nowhere.duress.test')), 'ENOTFOUND');
            const single = await callLookup(lookup, SINK, {});
            assert.deepEqual(single, { err: null, address: '127.0.0.1', family: 4 });
            const all = await callLookup(lookup, 'dual.duress.test', { all: true, family: 6 });
            assert.deepEqual(all, { err: null, address: [{ address: '::1', family: 6 }], family: undefined });
            assert.ok(server.counters.queries >= 8);
            assert.equal(lookup.pending, 0);
        });
        it(`maps NXDOMAIN to ENOTFOUND and SERVFAIL to ESERVFAIL (timeout ${timeout})`, async (t) => {
            const { server, lookup } = await setup(t, { timeout });
            server.setFault({ kind: 'nxdomain' }, SINK);
            const nx = await callLookup(lookup, SINK, {});
            assert.equal(nx.err?.code, 'ENOTFOUND');
            assert.equal(nx.err?.hostname, SINK);
            server.setFault({ kind: 'servfail' }, SINK);
            assert.equal(await errorCode(lookup.resolve(SINK, { family: 4 })), 'ESERVFAIL');
            assert.equal(await errorCode(lookup.resolve(SINK)), 'ESERVFAIL');
        });
        it(`answers the wrong address under wrong-address (timeout ${timeout})`, async (t) => {
            const { server, lookup } = await setup(t, { timeout });
            server.setFault({ kind: 'wrong-address', addresses: ['127.0.0.2'] });
            assert.deepEqual(await lookup.resolve(SINK, { family: 4 }), [{ address: '127.0.0.2', family: 4 }]);
        });
    }
    it('asks again over TCP when the UDP answer is truncated', async (t) => {
        const { server, lookup } = await setup(t, { timeout: 2000 });
        // 40 A records (16 bytes each after the name) do not fit the 512 bytes of a plain UDP answer.
        const many = Array.from({ length: 40 }, (_, i) => `127.0.${Math.floor(i / 10)}.${(i % 10) + 1}`);
        server.setRecord('many.duress.test', many);
        const found = await lookup.resolve('many.duress.test', { family: 4 });
        assert.deepEqual(found.map((a) => a.address).sort(), [...many].sort());
        assert.equal(server.counters.truncated, 1);
        assert.equal(server.counters.udpQueries, 1);
        assert.equal(server.counters.tcpQueries, 1);
    });
    it('does not ask DNS for IP literals and localhost', async (t) => {
        const { server, lookup } = await setup(t, { timeout: null });
        server.setFault({ kind: 'stall' });
        assert.deepEqual(await callLookup(lookup, '127.0.0.7', {}), { err: null, address: '127.0.0.7', family: 4 });
        assert.deepEqual(await callLookup(lookup, '::1', { all: true }), { err: null, address: [{ address: '::1', family: 6 }], family: undefined });
        assert.deepEqual(await callLookup(lookup, 'localhost', { family: 4 }), { err: null, address: '127.0.0.1', family: 4 });
        assert.deepEqual(await lookup.resolve('LOCALHOST'), [
            { address: '127.0.0.1', family: 4 },
            { address: '::1', family: 6 },
        ]);
        assert.equal(server.counters.received, 0);
    });
    it('sees the delay of a delay fault, scaled by the clock', async (t) => {
        const { server, lookup } = await setup(t, { timeout: null }, new ScaledClock(4));
        server.setFault({ kind: 'delay', ms: 1200 }, SINK);
        const start = performance.now();
        assert.deepEqual(await lookup.resolve(SINK), [{ address: '127.0.0.1', family: 4 }]);
        const elapsed = performance.now() - start;
        assert.ok(elapsed >= 290 && elapsed < 700, `took ${elapsed} ms for 300 wall ms`);
    });
});
describe('dns lookup: stalls', { timeout: TEST_TIMEOUT }, () => {
    it('with a timeout, fails with ETIMEOUT after the timeout in scenario ms', async (t) => {
        const clock = new ScaledClock(10);
        const { server, lookup } = await setup(t, { timeout: 3000, tries: 2 }, clock);
        server.setFault({ kind: 'stall' });
        const start = performance.now();
        const result = await callLookup(lookup, SINK, { family: 4 });
        const elapsed = performance.now() - start;
        assert.equal(result.err?.code, 'ETIMEOUT');
        assert.ok(elapsed >= 290 && elapsed < 700, `took ${elapsed} ms for 300 wall ms`);
        assert.ok(server.counters.stalled >= 1);
        assert.equal(lookup.pending, 0);
    });
    it('with a timeout and tries, re-sends the query at each try, and stops at the deadline', async (t) => {
        const clock = new ScaledClock(10);
        const { server, lookup } = await setup(t, { timeout: 3000, tries: 3 }, clock);
        server.setFault({ kind: 'stall' });
        assert.equal((await callLookup(lookup, SINK, { family: 4 })).err?.code, 'ETIMEOUT');
        // Sent at 0, 1000 and 2000 scenario ms; the deadline at 3000 closes the socket before a fourth.
        await waitFor(() => server.counters.udpQueries >= 3, 3000, 'three tries to reach the server');
        const second = track(lookup.resolve(SINK, { family: 4 }));
        await second.settled;
        await waitFor(() => server.counters.udpQueries >= 6, 3000, 'the second lookup\'s three tries');
        assert.equal(server.counters.udpQueries, 6);
        assert.equal(server.counters.stalled, 6);
    });
    it('with a timeout, a delay shorter than it still resolves', async (t) => {
        const { server, lookup } = await setup(t, { timeout: 1000 });
        server.setFault({ kind: 'delay', ms: 200 });
        assert.deepEqual(await lookup.resolve(SINK, { family: 4 }), [{ address: '127.0.0.1', family: 4 }]);
        server.setFault({ kind: 'delay', ms: 2000 });
        assert.equal(await errorCode(lookup.resolve(SINK, { family: 4 })), 'ETIMEOUT');
    });
    it('without a timeout, stays pending for as long as the stall, until aborted', async (t) => {
        const { server, lookup } = await setup(t, { timeout: null });
        server.setFault({ kind: 'stall' }, SINK);
        const controller = new AbortController();
        const pending = track(lookup.resolve(SINK, { signal: controller.signal }));
        await waitFor(() => server.counters.stalled === 2, 3000, 'both queries to be stalled');
        // The stall ends, but the lost packets stay lost: the lookup must still hang.
        server.setFault(null, SINK);
        assert.deepEqual(await lookup.resolve(SINK), [{ address: '127.0.0.1', family: 4 }]);
        await new Promise((resolve) => setTimeout(resolve, 500));
        assert.equal(pending.state(), 'pending');
        assert.equal(lookup.pending, 1);
        controller.abort();
        const err = await pending.settled;
        assert.equal(err.code, 'ECANCELLED');
        assert.equal(lookup.pending, 0);
    });
    it('without a timeout, cancelAll and the teardown signal end hung lookups', async (t) => {
        const teardown = new AbortController();
        const { server, lookup } = await setup(t, { timeout: null, signal: teardown.signal });
        server.setFault({ kind: 'stall' });
        const a = track(lookup.resolve(SINK));
        const b = callLookup(lookup, SINK, { all: true });
        await waitFor(() => server.counters.stalled === 4, 3000, 'the queries to be stalled');
        lookup.cancelAll();
        assert.equal((await a.settled).code, 'ECANCELLED');
        assert.equal((await b).err?.code, 'ECANCELLED');
        const c = track(lookup.resolve(SINK));
        await waitFor(() => server.counters.stalled === 6, 3000, 'the third lookup to be stalled');
        teardown.abort();
        assert.equal((await c.settled).code, 'ECANCELLED');
        assert.equal(await errorCode(lookup.resolve(SINK)), 'ECANCELLED');
    });
});
describe('dns lookup: connecting', { timeout: TEST_TIMEOUT }, () => {
    it('net.connect reaches a local server by name through the lookup', async (t) => {
        const { server, lookup } = await setup(t, { timeout: 2000 });
        const target = await localServer(t);
        const socket = net.connect({ host: SINK, port: target.port, lookup });
        t.after(() => socket.destroy());
        await once(socket, 'connect');
        assert.equal(socket.remoteAddress, '127.0.0.1');
        const accepted = await target.accepted;
        accepted.end('hello');
        const [data] = (await once(socket, 'data'));
        assert.equal(data.toString(), 'hello');
        assert.ok(server.counters.queries >= 1);
    });
    it('net.connect fails with the lookup error under NXDOMAIN, and is refused at the wrong address', async (t) => {
        const { server, lookup } = await setup(t, { timeout: null });
        const target = await localServer(t);
        server.setFault({ kind: 'nxdomain' }, SINK);
        const nx = net.connect({ host: SINK, port: target.port, lookup });
        const [nxErr] = (await once(nx, 'error'));
        assert.equal(nxErr.code, 'ENOTFOUND');
        server.setFault({ kind: 'wrong-address', addresses: ['127.0.0.2'] }, SINK);
        const wrong = net.connect({ host: SINK, port: target.port, lookup, autoSelectFamily: false });
        const [wrongErr] = (await once(wrong, 'error'));
        assert.equal(wrongErr.code, 'ECONNREFUSED');
        assert.equal(wrongErr.address, '127.0.0.2');
    });
    it('a socket destroyed while its lookup hangs on a stall cancels the lookup', async (t) => {
        const { server, lookup } = await setup(t, { timeout: null });
        server.setFault({ kind: 'stall' });
        const controller = new AbortController();
        const socket = net.connect({ host: SINK, port: 9, lookup: lookup.withSignal(controller.signal) });
        socket.once('close', () => controller.abort());
        socket.on('error', () => { });
        await waitFor(() => server.counters.stalled >= 1, 3000, 'the lookup to stall');
        await new Promise((resolve) => setTimeout(resolve, 200));
        assert.equal(socket.connecting, true);
        assert.equal(lookup.pending, 1);
        socket.destroy();
        await waitFor(() => lookup.pending === 0, 2000, 'the lookup to be cancelled');
    });
});
describe('dns lookup: no server', { timeout: TEST_TIMEOUT }, () => {
    for (const timeout of [2000, null]) {
        it(`fails with ECONNREFUSED when the server is gone (timeout ${timeout})`, async (t) => {
            const { server, lookup } = await setup(t, { timeout });
            await server.stop();
            assert.equal(await errorCode(lookup.resolve(SINK, { family: 4 })), 'ECONNREFUSED');
        });
    }
});
//# sourceMappingURL=dns-lookup.test.js.map