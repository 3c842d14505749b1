import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { describe, it } from 'node:test';
import type { ToxicInput } from '../../../src/faults/toxic-collection.js';
import { proxyPort, proxyTo, proxyStage, startToxiproxy } from '../../helpers/proxy-harness.js';
import { connect, readBytes, startEchoServer, within } from '../../helpers/tcp-servers.js';

/** `count` 32-bit big-endian sequence numbers. */
function numbered(count: number): Buffer {
  const b = Buffer.alloc(count * 4);
  for (let i = 0; i < count; i++) b.writeUInt32BE(i, i * 4);
  return b;
}

/** The first index where two buffers differ, or -1. */
function firstDifference(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

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
