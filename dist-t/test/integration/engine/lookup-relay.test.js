import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { once } from 'node:events';
import { MessageChannel } from 'node:worker_threads';
import { ScaledClock } from '../../../src/core/clock.js';
import { relayedLookup, serveLookups } from '../../../src/systems/isolation/lookup-relay.js';
import { createDnsServer } from '../../../src/faults/dns-server.js';
import { createLookup } from '../../../src/faults/dns-lookup.js';
import { waitFor } from '../../helpers/wait.js';
const NAME = 'i0.sink.duress.test';
async function setup(t, timeout) {
    const clock = new ScaledClock(1);
    const server = createDnsServer({ clock, records: { [NAME]: ['127.0.0.1', '::1'] } });
    t.after(() => server.stop());
    const address = await server.start();
    const { port1, port2 } = new MessageChannel();
    const mainSide = createLookup({ server: address, clock, timeout });
    const served = serveLookups(port1, mainSide);
    t.after(() => served.close());
    return { lookup: relayedLookup(port2), close: () => served.close(), server, mainSide };
}
function call(lookup, hostname, options) {
    return new Promise((resolve) => lookup(hostname, options, (err, address, family) => resolve({ err, address, family })));
}
describe('lookups relayed to the main thread', { timeout: 15_000 }, () => {
    it('answer as net expects: one address, all of them, in the order asked', async (t) => {
        const { lookup } = await setup(t, 1000);
        assert.deepEqual(await call(lookup, NAME, { family: 4 }), { err: null, address: '127.0.0.1', family: 4 });
        assert.deepEqual((await call(lookup, NAME, { all: true })).address, [
            { address: '127.0.0.1', family: 4 },
            { address: '::1', family: 6 },
        ]);
        assert.deepEqual((await call(lookup, NAME, { order: 'ipv6first' })).address, '::1');
    });
    it('carry the lookup error code, and a connection fails with it', async (t) => {
        const { lookup } = await setup(t, 1000);
        const nx = await call(lookup, 'nosuch.duress.test', {});
        assert.equal(nx.err?.code, 'ENOTFOUND');
        const socket = net.connect({ host: 'nosuch.duress.test', port: 9, lookup });
        const [err] = (await once(socket, 'error'));
        assert.equal(err.code, 'ENOTFOUND');
    });
    it('let net.connect reach a server by name', async (t) => {
        const { lookup } = await setup(t, null);
        const target = net.createServer((s) => s.end('hi'));
        t.after(() => target.close());
        target.listen(0, '127.0.0.1');
        await once(target, 'listening');
        const socket = net.connect({ host: NAME, port: target.address().port, family: 4, lookup });
        const [data] = (await once(socket, 'data'));
        assert.equal(data.toString(), 'hi');
        socket.destroy();
    });
    it('still pending when the instance ends are cancelled on the main thread', async (t) => {
        const { lookup, close, server, mainSide } = await setup(t, null);
        server.setFault({ kind: 'stall' });
        lookup(NAME, { family: 4 }, () => { });
        await waitFor(() => server.counters.stalled === 1, 3000, 'the query to be stalled');
        // Without a deadline the stalled lookup would wait forever on the main thread.
        assert.equal(mainSide.pending, 1);
        close();
        assert.equal(mainSide.pending, 0);
    });
});
//# sourceMappingURL=lookup-relay.test.js.map