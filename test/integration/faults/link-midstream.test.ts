import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { describe, it } from 'node:test';
import type { ToxicInput } from '../../../src/faults/toxic-collection.js';
import { proxyPort, proxyTo, proxyStage, startToxiproxy } from '../../helpers/proxy-harness.js';
import { connect, firstDifference, numbered, readBytes, startEchoServer, startSinkServer, within } from '../../helpers/tcp-servers.js';
import { waitFor } from '../../helpers/wait.js';

/** Writes `data` in pieces, pausing a timer tick between pieces so the stream lasts while toxics change. */
async function writePaced(s: Socket, data: Buffer, piece: number): Promise<void> {
  for (let off = 0; off < data.length; off += piece) {
    if (!s.write(data.subarray(off, off + piece))) await new Promise((r) => s.once('drain', r));
    await new Promise((r) => setTimeout(r, 1));
  }
}

describe('adding, updating and removing toxics mid-stream loses and reorders nothing', { timeout: 60_000 }, () => {
  const stage = proxyStage();

  /** Toggles toxics on the proxy until `done` resolves; returns how many changes it made. */
  async function churn(name: string, toxics: ToxicInput[], done: Promise<unknown>): Promise<number> {
    const proxy = stage.server.collection.get(name);
    let finished = false;
    void done.finally(() => (finished = true));
    let changes = 0;
    let round = 0;
    while (!finished) {
      const t = toxics[round++ % toxics.length] as ToxicInput;
      const w = await proxy.addToxic(t);
      changes++;
      await new Promise((r) => setTimeout(r, 1 + (round % 3)));
      if (w.type === 'latency') {
        await proxy.updateToxic(w.name, { attributes: { latency: 2 } });
        changes++;
      }
      await new Promise((r) => setTimeout(r, 1 + (round % 2)));
      await proxy.removeToxic(w.name);
      changes++;
      await new Promise((r) => setTimeout(r, 1));
    }
    return changes;
  }

  it('a long numbered stream through an echo while latency toggles both ways arrives whole and in order', async () => {
    await proxyTo(stage.server, 'echo', stage.echo.address);
    const s = await connect(proxyPort(stage.server.collection.get('echo')));
    const data = numbered(500_000);
    const received = readBytes(s, data.length);
    const sending = writePaced(s, data, 4096);
    const changes = churn(
      'echo',
      [
        { name: 'lat-down', type: 'latency', attributes: { latency: 1 } },
        { name: 'lat-up', type: 'latency', stream: 'upstream', attributes: { latency: 1, jitter: 1 } },
      ],
      received,
    );
    await sending;
    const { data: got } = await within(45_000, 'the whole echo', received);
    console.log(`mid-stream: ${await changes} toxic changes during ${data.length} bytes echoed`);
    assert.equal(firstDifference(got, data), -1);
    assert.ok((await changes) >= 20, 'too few toxic changes while the stream ran to test anything');
    s.destroy();
    await stage.server.collection.remove('echo');
  });

  it('one way into a sink, with slicer, bandwidth and latency coming and going', async () => {
    await proxyTo(stage.server, 'sink', stage.sink.address);
    const s = await connect(proxyPort(stage.server.collection.get('sink')));
    const data = numbered(250_000);
    await stage.sink.accepted(1);
    const finished = stage.sink.finished[0] as Promise<{ data: Buffer }>;
    const changes = churn(
      'sink',
      [
        { name: 'slice', type: 'slicer', stream: 'upstream', attributes: { average_size: 512, size_variation: 100, delay: 10 } },
        { name: 'lat', type: 'latency', stream: 'upstream', attributes: { latency: 1 } },
        { name: 'bw', type: 'bandwidth', stream: 'upstream', attributes: { rate: 100_000 } },
      ],
      finished,
    );
    await writePaced(s, data, 2048);
    s.end();
    const { data: got } = await within(45_000, 'the sink to get everything', finished);
    console.log(`one way: ${await changes} toxic changes during ${data.length} bytes`);
    assert.equal(got.length, data.length);
    assert.equal(firstDifference(got, data), -1);
    assert.ok((await changes) >= 20, 'too few toxic changes while the stream ran to test anything');
    await stage.server.collection.remove('sink');
  });
});

describe('a link without toxics is a plain pipe', { timeout: 20_000 }, () => {
  it('switches to the stub chain when a toxic arrives and back once it is gone and drained', async () => {
    const echo = await startEchoServer();
    const { server } = await startToxiproxy();
    try {
      const proxy = await proxyTo(server, 'p', echo.address);
      const s = await connect(proxyPort(proxy));
      const ping = async (): Promise<void> => {
        const r = readBytes(s, 4);
        s.write('ping');
        await within(5000, 'echo', r);
      };
      await ping();
      const modes = (): boolean[] => (proxy.connections[0]?.links ?? []).map((l) => l.direct);
      assert.deepEqual(modes(), [true, true]);
      await proxy.addToxic({ name: 'l', type: 'latency', attributes: { latency: 20 } });
      assert.deepEqual(modes(), [true, false]);
      await ping();
      await proxy.removeToxic('l');
      await within(5000, 'the plain pipe again', (async () => {
        while (modes()[1] !== true) await new Promise((r) => setTimeout(r, 2));
      })());
      await ping();
      s.destroy();
    } finally {
      await server.stop();
      await echo.close();
    }
  });
});

/** Writes `data` as fast as the socket takes it (64 KiB writes, waiting only for 'drain'), then ends. */
async function writeFlat(s: Socket, data: Buffer): Promise<void> {
  for (let off = 0; off < data.length; off += 65_536) {
    if (!s.write(data.subarray(off, off + 65_536))) await new Promise((r) => s.once('drain', r));
  }
  s.end();
}

describe('a toxic added on the fast path under a saturating stream', { timeout: 60_000 }, () => {
  it('takes effect at once on every byte not yet written on, and nothing is lost or reordered', async (t) => {
    const sink = await startSinkServer();
    const { server } = await startToxiproxy();
    try {
      const proxy = await proxyTo(server, 'bulk', sink.address);
      const s = await connect(proxyPort(proxy));
      await sink.accepted(1);
      const got = (): number => (sink.received[0] ?? []).reduce((n, b) => n + b.length, 0);
      const data = numbered(6_000_000); // 24 MB
      const sending = writeFlat(s, data);
      await within(20_000, '2 MB through the plain pipe', waitFor(() => got() >= 2_000_000, 20_000, '2 MB at the sink'));
      const conn = proxy.connections[0]!;
      assert.equal(conn.links[0]!.direct, true, 'the client → server link was on its fast path under load');

      // 1000 KB/s: the megabyte after what had already been written on when the toxic arrived takes a second.
      await proxy.addToxic({ name: 'bw', type: 'bandwidth', stream: 'upstream', attributes: { rate: 1000 } });
      const added = performance.now();
      assert.equal(conn.links[0]!.direct, false, 'the link switched to the stub chain');
      // Bytes handed to the upstream socket so far, queued in it included: all that bypassed the toxic.
      const bypassed = conn.upstream.bytesWritten;
      assert.ok(bypassed < data.length - 2_000_000, `the stream was still going (${bypassed} of ${data.length} bytes written on)`);
      await within(20_000, 'a megabyte through the toxic', waitFor(() => got() >= bypassed + 1_000_000, 20_000, 'a megabyte past the toxic'));
      const took = performance.now() - added;
      t.diagnostic(`${bypassed} bytes written on before the toxic; the next 1 MB took ${took.toFixed(0)} ms at 1000 KB/s`);
      // 1 MB at 1000 KB/s is 1000 ms; timers never fire early, some slack for the clock's granularity.
      assert.ok(took >= 900, `1 MB past the toxic in ${took.toFixed(0)} ms: the bandwidth toxic did not act`);

      // Off again, and toggled while the rest streams: the sink gets the whole stream, in order.
      await proxy.removeToxic('bw');
      let toggles = 0;
      const finished = sink.finished[0]!;
      let done = false;
      void finished.then(() => (done = true));
      while (!done && toggles < 200) {
        await proxy.addToxic({ name: 'lat', type: 'latency', stream: 'upstream', attributes: { latency: 1 } });
        await new Promise((r) => setTimeout(r, 2));
        await proxy.removeToxic('lat');
        toggles++;
        await new Promise((r) => setTimeout(r, 2));
      }
      await sending;
      const { data: all } = await within(30_000, 'the whole stream at the sink', finished);
      t.diagnostic(`${toggles} latency toggles while the rest streamed`);
      assert.equal(all.length, data.length);
      assert.equal(firstDifference(all, data), -1);
    } finally {
      await server.stop();
      await sink.close();
    }
  });
});
