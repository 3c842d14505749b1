import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Toxiproxy, ToxiproxyError } from 'toxiproxy-node-client';
import { VERSION } from '../../../src/core/version.js';
import { roundTrip, startToxiproxy } from '../../helpers/proxy-harness.js';
import { connect, startEchoServer, within } from '../../helpers/tcp-servers.js';
/**
 * toxiproxy-node-client (4.x, fetch based) against the embedded server, through every call it offers:
 * Toxiproxy#getAll/get/createProxy/populate/reset/getVersion, Proxy#update/remove/addToxic/getToxic,
 * Toxic#update/remove. It sends POST for updates and throws ToxiproxyError on any non-2xx.
 */
describe('toxiproxy-node-client against the embedded server', { timeout: 30_000 }, () => {
    let server;
    let toxiproxy;
    let echo;
    before(async () => {
        echo = await startEchoServer();
        const started = await startToxiproxy();
        server = started.server;
        toxiproxy = new Toxiproxy(started.url);
    });
    after(async () => {
        await server.stop();
        await echo.close();
    });
    const portOf = (p) => Number(p.listen.slice(p.listen.lastIndexOf(':') + 1));
    it('getVersion returns the raw body', async () => {
        assert.equal(await toxiproxy.getVersion(), `{"version": "${VERSION}"}\n`);
    });
    it('createProxy, get, getAll', async () => {
        const created = await toxiproxy.createProxy({ name: 'redis', listen: '127.0.0.1:0', upstream: echo.address });
        assert.equal(created.name, 'redis');
        assert.equal(created.enabled, true);
        assert.equal(created.upstream, echo.address);
        assert.notEqual(portOf(created), 0);
        const got = await toxiproxy.get('redis');
        assert.deepEqual(got.toJson(), created.toJson());
        const all = await toxiproxy.getAll();
        assert.deepEqual(Object.keys(all), ['redis']);
        assert.equal(all.redis?.listen, created.listen);
        await assert.rejects(() => toxiproxy.createProxy({ name: 'redis', listen: '127.0.0.1:0', upstream: echo.address }), (e) => {
            assert.ok(e instanceof ToxiproxyError);
            assert.equal(e.message, 'Request failed with status code 409');
            return true;
        });
        await assert.rejects(() => toxiproxy.get('nope'), /status code 404/);
    });
    it('addToxic, getToxic, toxic.update, toxic.remove — and the toxic acts on traffic', async () => {
        const proxy = await toxiproxy.get('redis');
        const s = await connect(portOf(proxy));
        try {
            const base = await roundTrip(s);
            const toxic = await proxy.addToxic({ name: 'lat', type: 'latency', stream: 'downstream', toxicity: 1, attributes: { latency: 80, jitter: 0 } });
            assert.deepEqual(toxic.toJson(), { name: 'lat', type: 'latency', stream: 'downstream', toxicity: 1, attributes: { latency: 80, jitter: 0 } });
            const slow = await roundTrip(s);
            assert.ok(slow >= 75, `round trip with 80 ms latency took ${slow.toFixed(1)} ms (baseline ${base.toFixed(1)} ms)`);
            const fetched = await proxy.getToxic('lat');
            assert.deepEqual(fetched.attributes, { latency: 80, jitter: 0 });
            const updated = await fetched.update({ ...fetched.toJson(), attributes: { latency: 10, jitter: 0 }, toxicity: 1 });
            assert.equal(updated.attributes.latency, 10);
            const faster = await roundTrip(s);
            assert.ok(faster < 60, `after the update to 10 ms a round trip took ${faster.toFixed(1)} ms`);
            await updated.remove();
            await assert.rejects(() => proxy.getToxic('lat'), /status code 404/);
            await assert.rejects(() => proxy.addToxic({ name: 'd', type: 'down', stream: 'downstream', toxicity: 1, attributes: {} }), /status code 400/);
        }
        finally {
            s.destroy();
        }
    });
    it('proxy.update disables (connections closed, new ones refused) and re-enables', async () => {
        const proxy = await toxiproxy.get('redis');
        const s = await connect(portOf(proxy));
        const closed = new Promise((r) => s.once('close', r));
        s.on('error', () => { });
        const down = await proxy.update({ enabled: false, listen: proxy.listen, upstream: proxy.upstream });
        assert.equal(down.enabled, false);
        await within(5000, 'the open connection to close', closed);
        await assert.rejects(() => connect(portOf(proxy)), /ECONNREFUSED/);
        const upAgain = await down.update({ enabled: true, listen: proxy.listen, upstream: proxy.upstream });
        assert.equal(upAgain.enabled, true);
        const s2 = await connect(portOf(upAgain));
        await roundTrip(s2);
        s2.destroy();
    });
    it('populate creates and replaces; reset re-enables and clears toxics', async () => {
        const proxies = await toxiproxy.populate([
            { name: 'a', listen: '127.0.0.1:0', upstream: echo.address },
            { name: 'b', listen: '127.0.0.1:0', upstream: echo.address, enabled: false },
        ]);
        assert.deepEqual(Object.keys(proxies).sort(), ['a', 'b']);
        assert.equal(proxies.a?.enabled, true);
        assert.equal(proxies.b?.enabled, false);
        const a = proxies.a;
        await a.addToxic({ name: 't', type: 'timeout', stream: 'upstream', toxicity: 1, attributes: { timeout: 0 } });
        await toxiproxy.reset();
        const all = await toxiproxy.getAll();
        assert.equal(all.b?.enabled, true);
        assert.deepEqual((await server.collection.get('a')).toxics.list(), []);
        await assert.rejects(() => toxiproxy.populate([{ name: '', listen: '', upstream: 'x:1' }]), /status code 400/);
    });
    it('remove deletes proxies', async () => {
        for (const p of Object.values(await toxiproxy.getAll()))
            await p.remove();
        assert.deepEqual(await toxiproxy.getAll(), {});
        await assert.rejects(() => toxiproxy.get('redis'), /status code 404/);
    });
});
//# sourceMappingURL=api-node-client.test.js.map