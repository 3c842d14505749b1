import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { proxyPort, proxyTo, roundTrip, proxyStage } from '../../helpers/proxy-harness.js';
import { connect, readToEnd, startEchoServer, within } from '../../helpers/tcp-servers.js';
describe('proxy lifecycle: down, listen and upstream changes', { timeout: 30_000 }, () => {
    const stage = proxyStage();
    it('down refuses new connections and closes the open ones; up again serves', async () => {
        const proxy = await proxyTo(stage.server, 'd', stage.echo.address);
        const port = proxyPort(proxy);
        const a = await connect(port);
        const b = await connect(port);
        await roundTrip(a);
        const closes = [a, b].map((s) => readToEnd(s));
        await stage.server.collection.update('d', { enabled: false });
        await within(5000, 'both connections to close', Promise.all(closes));
        assert.equal(proxy.enabled, false);
        assert.equal(proxy.connectionCount, 0);
        await assert.rejects(() => connect(port), /ECONNREFUSED/);
        await stage.server.collection.update('d', { enabled: true });
        const c = await connect(proxyPort(proxy));
        await roundTrip(c);
        c.destroy();
        await stage.server.collection.remove('d');
        await assert.rejects(() => connect(port), /ECONNREFUSED/);
    });
    it('a new listen restarts on the new address and drops connections; port 0 reports the real port', async () => {
        const proxy = await proxyTo(stage.server, 'l', stage.echo.address);
        const oldPort = proxyPort(proxy);
        const s = await connect(oldPort);
        const closed = readToEnd(s);
        await proxy.update({ listen: '127.0.0.1:0' });
        await within(5000, 'the old connection to close', closed);
        assert.notEqual(proxyPort(proxy), 0);
        assert.equal(proxy.listen, `127.0.0.1:${proxyPort(proxy)}`);
        assert.equal(proxy.enabled, true);
        const t = await connect(proxyPort(proxy));
        await roundTrip(t);
        t.destroy();
        await stage.server.collection.remove('l');
    });
    it('a new upstream drops connections and new ones go to the new upstream', async () => {
        const proxy = await proxyTo(stage.server, 'u', stage.echo.address);
        const s = await connect(proxyPort(proxy));
        const closed = readToEnd(s);
        await proxy.update({ upstream: stage.sink.address });
        await within(5000, 'the old connection to close', closed);
        const t = await connect(proxyPort(proxy));
        t.end('to the sink');
        await stage.sink.accepted(1);
        const { data } = await within(5000, 'the sink to finish', stage.sink.finished[0]);
        assert.equal(data.toString(), 'to the sink');
        await stage.server.collection.remove('u');
    });
    it('an unreachable upstream closes the client connection', async () => {
        const gone = await startEchoServer();
        const address = gone.address;
        await gone.close();
        const proxy = await proxyTo(stage.server, 'x', address);
        const s = await connect(proxyPort(proxy));
        const { data } = await within(5000, 'the close', readToEnd(s));
        assert.equal(data.length, 0);
        await stage.server.collection.remove('x');
    });
});
//# sourceMappingURL=proxy-lifecycle.test.js.map