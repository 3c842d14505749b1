import assert from 'node:assert/strict';
import { once } from 'node:events';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { proxyPort, proxyTo, proxyStage } from '../../helpers/proxy-harness.js';
import { connect, readToEnd, startSendServer, within, type TestServer } from '../../helpers/tcp-servers.js';
import { waitFor } from '../../helpers/wait.js';

const pattern = (n: number): Buffer => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7 + 3) & 0xff));

describe('toxics that end connections: reset_peer, limit_data, slow_close', { timeout: 30_000 }, () => {
  const stage = proxyStage();
  let sender: TestServer;
  before(async () => {
    sender = await startSendServer(() => pattern(5000));
  });
  after(async () => {
    await sender.close();
  });

  it('reset_peer: the client sees ECONNRESET', async () => {
    await proxyTo(stage.server, 'rp', stage.echo.address, [{ type: 'reset_peer', attributes: { timeout: 0 } }]);
    const s = await connect(proxyPort(stage.server.collection.get('rp')));
    const result = readToEnd(s);
    s.write('ping');
    const { data, how } = await within(5000, 'the reset', result);
    assert.equal(how, 'ECONNRESET');
    assert.equal(data.length, 0);
    await stage.server.collection.remove('rp');
  });

  it('reset_peer on the chain when a connection starts makes any later close an RST (linger 0)', async () => {
    // The upstream closes politely (FIN) while the client is idle; the toxic itself never fires.
    const closer = net.createServer((c) => {
      c.on('error', () => {}); // the proxy resets this side too
      setTimeout(() => c.end(), 50);
    });
    closer.listen(0, '127.0.0.1');
    await once(closer, 'listening');
    const { port } = closer.address() as net.AddressInfo;
    await proxyTo(stage.server, 'rpl', `127.0.0.1:${port}`, [{ type: 'reset_peer', stream: 'upstream', attributes: { timeout: 60_000 } }]);
    const s = await connect(proxyPort(stage.server.collection.get('rpl')));
    const { how } = await within(5000, 'the close', readToEnd(s));
    assert.equal(how, 'ECONNRESET');
    await stage.server.collection.remove('rpl');
    closer.close();
  });

  it('without reset_peer the same polite close reaches the client as a FIN', async () => {
    const closer = net.createServer((c) => {
      c.on('error', () => {}); // the proxy resets this side too
      setTimeout(() => c.end(), 50);
    });
    closer.listen(0, '127.0.0.1');
    await once(closer, 'listening');
    const { port } = closer.address() as net.AddressInfo;
    await proxyTo(stage.server, 'fin', `127.0.0.1:${port}`);
    const s = await connect(proxyPort(stage.server.collection.get('fin')));
    const { how } = await within(5000, 'the close', readToEnd(s));
    assert.equal(how, 'end');
    await stage.server.collection.remove('fin');
    closer.close();
  });

  it('reset_peer added mid-connection: a FIN from the upstream, then the reset, ends the whole connection', async () => {
    // The upstream's FIN is passed on as a close of the client side (end, its shutdown still pending) and
    // cuts the upstream link, whose reset_peer then resets both sockets in the same turn of the loop. A
    // socket whose shutdown is pending cannot be reset (libuv refuses, and Node then never closes it): the
    // connection stayed open forever, and the process could not exit (the compression bench hung at its end).
    let upstreamSide: net.Socket | undefined;
    const closer = net.createServer((c) => {
      c.on('error', () => {}); // the proxy resets this side
      upstreamSide = c;
    });
    closer.listen(0, '127.0.0.1');
    await once(closer, 'listening');
    const { port } = closer.address() as net.AddressInfo;
    const proxy = await proxyTo(stage.server, 'rpm', `127.0.0.1:${port}`);
    const s = await connect(proxyPort(proxy));
    s.on('error', () => {});
    await waitFor(() => upstreamSide !== undefined && proxy.connectionCount === 1, 5000, 'the proxied connection');
    await proxy.addToxic({ type: 'reset_peer', stream: 'upstream', attributes: { timeout: 0 } });
    upstreamSide!.end();
    await waitFor(() => proxy.connectionCount === 0, 5000, 'the proxy to close both sides of the connection');
    s.destroy();
    await stage.server.collection.remove('rpm');
    closer.close();
  });

  it('reset_peer with a timeout waits that long after the first chunk', async () => {
    await proxyTo(stage.server, 'rpt', stage.echo.address, [{ type: 'reset_peer', stream: 'upstream', attributes: { timeout: 200 } }]);
    const s = await connect(proxyPort(stage.server.collection.get('rpt')));
    const t0 = performance.now();
    const result = readToEnd(s);
    s.write('ping');
    const { how } = await within(5000, 'the reset', result);
    const ms = performance.now() - t0;
    console.log(`reset_peer timeout 200: reset after ${ms.toFixed(0)} ms (${how})`);
    assert.equal(how, 'ECONNRESET');
    assert.ok(ms >= 195 && ms < 320, `${ms.toFixed(0)} ms`);
    await stage.server.collection.remove('rpt');
  });

  it('limit_data closes after exactly its byte count (downstream)', async () => {
    await proxyTo(stage.server, 'ld', sender.address, [{ type: 'limit_data', attributes: { bytes: 1000 } }]);
    const s = await connect(proxyPort(stage.server.collection.get('ld')));
    const result = readToEnd(s);
    s.write('go');
    const { data, how } = await within(5000, 'the close', result);
    assert.equal(how, 'end');
    assert.equal(data.length, 1000);
    assert.ok(data.equals(pattern(5000).subarray(0, 1000)));
    s.destroy();
    await stage.server.collection.remove('ld');
  });

  it('limit_data counts across chunks (upstream): the server gets exactly the limit', async () => {
    await proxyTo(stage.server, 'ldu', stage.sink.address, [{ type: 'limit_data', stream: 'upstream', attributes: { bytes: 2500 } }]);
    const s = await connect(proxyPort(stage.server.collection.get('ldu')));
    s.on('error', () => {});
    const result = readToEnd(s);
    for (let i = 0; i < 5; i++) s.write(pattern(1000));
    await within(5000, 'the client side to close', result);
    await stage.sink.accepted(1);
    const { data } = await within(5000, 'the sink connection to finish', stage.sink.finished[0] as Promise<{ data: Buffer }>);
    assert.equal(data.length, 2500);
    await stage.server.collection.remove('ldu');
  });

  it('slow_close holds the server\'s close for its delay, the data goes through at once', async () => {
    const closer = net.createServer((c) => {
      c.on('error', () => {});
      c.once('data', () => c.end('bye'));
    });
    closer.listen(0, '127.0.0.1');
    await once(closer, 'listening');
    try {
      const { port } = closer.address() as net.AddressInfo;
      await proxyTo(stage.server, 'sc', `127.0.0.1:${port}`, [{ type: 'slow_close', attributes: { delay: 300 } }]);
      const s = await connect(proxyPort(stage.server.collection.get('sc')));
      const t0 = performance.now();
      let dataAt = 0;
      s.once('data', () => (dataAt = performance.now() - t0));
      const result = readToEnd(s);
      s.write('hi');
      const { data, how } = await within(5000, 'the end', result);
      const ms = performance.now() - t0;
      console.log(`slow_close 300: data after ${dataAt.toFixed(1)} ms, end after ${ms.toFixed(0)} ms`);
      assert.equal(data.toString(), 'bye');
      assert.equal(how, 'end');
      assert.ok(dataAt < 100, `data after ${dataAt.toFixed(1)} ms`);
      assert.ok(ms >= 295 && ms < 420, `end after ${ms.toFixed(0)} ms`);
      await stage.server.collection.remove('sc');
    } finally {
      closer.close();
    }
  });
});
