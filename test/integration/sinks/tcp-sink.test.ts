import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { describe, it } from 'node:test';
import { ScaledClock } from '../../../src/core/clock.js';
import { DeliveryLedger } from '../../../src/delivery/ledger.js';
import { formatRecordMessage } from '../../../src/delivery/record-message.js';
import { createTcpSink, type TcpSink } from '../../../src/sinks/tcp/index.js';
import { tcpSinkSchema } from '../../../src/sinks/tcp/schema.js';
import type { SinkEndpoint } from '../../../src/sinks/sink.js';
import { waitFor } from '../../helpers/wait.js';

const rec = (source: string, seq: number): string => formatRecordMessage(source, seq, 1_000 + seq, 40);

async function started(overrides: Record<string, unknown> = {}): Promise<{ sink: TcpSink; endpoint: SinkEndpoint; ledger: DeliveryLedger }> {
  const sink = createTcpSink({ ...tcpSinkSchema.parse({ kind: 'tcp', ...overrides }), host: '127.0.0.1', port: 0 }, new ScaledClock(1));
  const endpoint = await sink.start();
  const ledger = new DeliveryLedger();
  for (const s of ['a', 'b', 'c']) ledger.register(s);
  sink.onDelivered((records, at) => ledger.deliveredEvents(records, at));
  return { sink, endpoint, ledger };
}

async function open(endpoint: SinkEndpoint): Promise<Socket> {
  const socket = connect(endpoint.port, endpoint.host);
  await once(socket, 'connect');
  return socket;
}

describe('the TCP line sink', { timeout: 30_000 }, () => {
  it('finds the records in lines split anywhere across writes, prefixed or not, and cuts an overlong line', async (t) => {
    const { sink, endpoint, ledger } = await started({ maxLine: '200B' });
    t.after(() => sink.stop());
    const socket = await open(endpoint);
    const text = `${rec('a', 0)}\n<13>Dec  7 host prog: ${rec('a', 1)}\r\n\n{"log":"${rec('a', 2)}"}\n${'z'.repeat(500)}\n${rec('a', 3)}`;
    // Byte by byte in uneven pieces, the last line without its newline (taken at the end of the stream).
    for (let i = 0; i < text.length; i += 7) socket.write(text.slice(i, i + 7));
    socket.end();
    await waitFor(() => ledger.counts().delivered === 4, 5000, 'four records');
    assert.equal(ledger.counts().foreign, 1, 'the overlong line, cut, has no record');
    assert.equal(sink.counters.overlong, 1);
    assert.equal(sink.counters.lines, 5);
  });

  it('with hello, scopes faults to the channels they name: discard and duplicate; a slow fault holds the lines back in order', async (t) => {
    const { sink, endpoint, ledger } = await started({ hello: true });
    t.after(() => sink.stop());
    const i0 = await open(endpoint);
    const i1 = await open(endpoint);
    i0.write('hello i0\n');
    i1.write('hello i1\n');
    await waitFor(() => sink.counters.connections.opened === 2, 5000, 'two connections');
    const discard = sink.faults.add({ kind: 'discard', streams: ['i0'] });
    i0.write(`${rec('a', 0)}\n`);
    i1.write(`${rec('b', 0)}\n`);
    await waitFor(() => sink.counters.linesDiscarded === 1 && ledger.counts().delivered === 1, 5000, 'a0 discarded, b0 taken');
    sink.faults.remove(discard);
    sink.faults.add({ kind: 'duplicate', batches: 1, streams: ['i1'] });
    i1.write(`${rec('b', 1)}\n`);
    await waitFor(() => ledger.counts().duplicated === 1, 5000, 'b1 twice');
    const slow = sink.faults.add({ kind: 'slow', latency: 300, streams: ['i0'] });
    const t0 = performance.now();
    i0.write(`${rec('a', 1)}\n`);
    await waitFor(() => sink.counters.connections.opened === 2 && ledger.counts('a').delivered === 1, 5000, 'a1 after the delay');
    assert.ok(performance.now() - t0 >= 290, `held ${performance.now() - t0} ms`);
    sink.faults.remove(slow);
    i0.write(`${rec('a', 2)}\n`);
    await waitFor(() => ledger.counts('a').delivered === 2, 5000, 'a2');
    assert.equal(ledger.counts('a').reordered, 0);
    assert.equal(ledger.counts().lost, 1, 'a0, discarded');
    i0.destroy();
    i1.destroy();
  });

  it('without hello, a fault that names channels acts on every connection; drop-connection destroys it as data comes', async (t) => {
    const { sink, endpoint, ledger } = await started();
    t.after(() => sink.stop());
    const socket = await open(endpoint);
    const closed = once(socket, 'close');
    socket.on('error', () => undefined);
    sink.faults.add({ kind: 'drop-connection', afterStore: true, streams: ['i3'] });
    socket.write(`${rec('c', 0)}\n`);
    await closed;
    assert.equal(sink.counters.connections.dropped, 1);
    assert.equal(ledger.counts().delivered, 1, 'taken before the drop (afterStore)');
  });

  it('serves TLS with its CA in a file', async (t) => {
    const { sink, endpoint, ledger } = await started({ tls: true });
    t.after(() => sink.stop());
    assert.match(endpoint.url, /^tls:\/\/127\.0\.0\.1:\d+$/);
    const socket = tlsConnect({ host: '127.0.0.1', port: endpoint.port, ca: await readFile(endpoint.caFile!, 'utf8') });
    await once(socket, 'secureConnect');
    socket.end(`${rec('a', 0)}\n${rec('a', 1)}\n`);
    await waitFor(() => ledger.counts().delivered === 2, 5000, 'two records over TLS');
  });
});
