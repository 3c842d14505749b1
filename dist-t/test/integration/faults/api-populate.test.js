import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rawRequest, roundTrip, startToxiproxy } from '../../helpers/proxy-harness.js';
import { connect, startEchoServer, within } from '../../helpers/tcp-servers.js';
/**
 * Toxiproxy's Proxy.Differs (proxy.go): a proxy named again with a listen address that *resolves* to the one
 * it listens on, and the same upstream, is the same proxy. A real v2.12.0 server, asked
 * `POST /populate [{"name":"one","listen":"localhost:28601",…}]` for a proxy listening on 127.0.0.1:28601
 * with a latency toxic, answered 201 with `"listen":"127.0.0.1:28601","enabled":true` and the toxic, and kept
 * the proxy (its own TestPopulateExistingProxy); `PATCH {"listen":"nope"}` answered 500
 * `address nope: missing port in address` and changed nothing.
 */
describe('populate and update compare listen addresses as Toxiproxy resolves them', { timeout: 60_000 }, () => {
    let server;
    let api;
    let echo;
    const req = (method, path, body) => rawRequest(api, method, path, body === undefined ? undefined : JSON.stringify(body));
    const json = (r) => JSON.parse(r.body);
    const portOf = (listen) => Number(listen.slice(listen.lastIndexOf(':') + 1));
    before(async () => {
        echo = await startEchoServer();
        ({ server, port: api } = await startToxiproxy());
    });
    after(async () => {
        await server.stop();
        await echo.close();
    });
    it('an unchanged proxy named as localhost:PORT keeps its toxics and open connections, and is reported as it is', async () => {
        const created = json(await req('POST', '/proxies', { name: 'one', listen: '127.0.0.1:0', upstream: echo.address }));
        const port = portOf(created.listen);
        assert.equal((await req('POST', '/proxies/one/toxics', { name: 'lat', type: 'latency', attributes: { latency: 1 } })).status, 200);
        const s = await connect(port);
        try {
            await roundTrip(s);
            const r = await req('POST', '/populate', [{ name: 'one', listen: `localhost:${port}`, upstream: echo.address }]);
            assert.equal(r.status, 201, r.raw);
            const answered = json(r).proxies;
            assert.equal(answered.length, 1);
            assert.equal(answered[0]?.listen, `127.0.0.1:${port}`);
            assert.equal(answered[0]?.enabled, true);
            assert.deepEqual(answered[0]?.toxics.map((t) => t.name), ['lat']);
            assert.deepEqual(json(await req('GET', '/proxies/one')).toxics.map((t) => t.name), ['lat'], 'the toxic is still on the proxy');
            await roundTrip(s); // the connection opened before populate still carries data
            assert.equal(s.destroyed, false);
            // PATCH naming the same address another way does not restart it either.
            const patched = await req('PATCH', '/proxies/one', { listen: `localhost:${port}` });
            assert.equal(patched.status, 200);
            assert.equal(json(patched).listen, `127.0.0.1:${port}`);
            await roundTrip(s);
        }
        finally {
            s.destroy();
        }
    });
    it('a listen address that cannot be resolved: 500 with Go\u2019s text, and the proxy is left as it was', async () => {
        const before = json(await req('GET', '/proxies/one'));
        const r = await req('PATCH', '/proxies/one', { listen: 'nope' });
        assert.equal(r.status, 500);
        assert.equal(r.body, '{"error":"address nope: missing port in address","status":500}\n');
        const after = json(await req('GET', '/proxies/one'));
        assert.equal(after.listen, before.listen);
        assert.equal(after.enabled, true);
        const p = await req('POST', '/populate', [{ name: 'one', listen: 'nope', upstream: echo.address }]);
        assert.equal(p.status, 500);
        assert.equal(p.body, '{"error":"address nope: missing port in address","status":500,"proxies":null}');
    });
    it('a disabled unchanged proxy stays down and is reported down; a changed upstream rebuilds the proxy', async () => {
        const port = portOf(json(await req('GET', '/proxies/one')).listen);
        assert.equal((await req('PATCH', '/proxies/one', { enabled: false })).status, 200);
        let r = await req('POST', '/populate', [{ name: 'one', listen: `127.0.0.1:${port}`, upstream: echo.address }]);
        let one = json(r).proxies[0];
        assert.equal(one?.enabled, false);
        assert.deepEqual(one?.toxics.map((t) => t.name), ['lat']);
        assert.equal((await req('PATCH', '/proxies/one', { enabled: true })).status, 200);
        const s = await connect(port);
        const closed = new Promise((resolve) => s.once('close', resolve));
        s.on('error', () => { });
        await roundTrip(s);
        r = await req('POST', '/populate', [{ name: 'one', listen: `127.0.0.1:${port}`, upstream: `localhost:${portOf(echo.address)}` }]);
        assert.equal(r.status, 201, r.raw);
        one = json(r).proxies[0];
        assert.equal(one?.enabled, true);
        assert.deepEqual(one?.toxics, [], 'a new proxy, without the old toxics');
        await within(10_000, 'the old proxy\u2019s connection closes', closed);
    });
    it('an empty listen binds every interface on a free port, reported as [::]:PORT as Go reports it', async () => {
        for (const listen of ['', ':0']) {
            const r = await req('POST', '/proxies', { name: 'anywhere', listen, upstream: echo.address });
            assert.equal(r.status, 201, r.raw);
            const got = json(r).listen;
            assert.match(got, /^\[::\]:\d+$/);
            const s = await connect(portOf(got));
            await roundTrip(s);
            s.destroy();
            assert.equal((await req('DELETE', '/proxies/anywhere')).status, 204);
        }
        const r = await req('POST', '/proxies', { name: 'host-only', listen: 'localhost:', upstream: echo.address });
        assert.match(json(r).listen, /^127\.0\.0\.1:\d+$/, 'an empty port is a free port');
        assert.equal((await req('DELETE', '/proxies/host-only')).status, 204);
    });
    it('out-of-range ports: Go names the port, not the address', async () => {
        for (const [port, text] of [
            ['99999', 'listen tcp: address 99999: invalid port'],
            ['-1', 'listen tcp: address -1: invalid port'],
        ]) {
            const r = await req('POST', '/proxies', { name: 'bad', listen: `127.0.0.1:${port}`, upstream: echo.address });
            assert.equal(r.status, 500);
            assert.equal(r.body, `${JSON.stringify({ error: text, status: 500 })}\n`);
        }
    });
});
//# sourceMappingURL=api-populate.test.js.map