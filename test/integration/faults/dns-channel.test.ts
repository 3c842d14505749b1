import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { once } from 'node:events';
import * as packet from 'dns-packet';
import { ScaledClock } from '../../../src/core/clock.js';
import { createDnsServer } from '../../../src/faults/dns-server.js';
import { DnsChannel } from '../../../src/faults/dns-query.js';
import { errorCode } from '../../helpers/wait.js';

const TEST_TIMEOUT = 15_000;
const NAME = 'sink.duress.test';

/** A UDP "DNS server" of the test's own that records each question's source port and id, and answers on demand. */
async function recordingServer(): Promise<{
  port: number;
  seen: { port: number; id: number; name: string; type: string }[];
  answer(i: number, address: string): void;
  arrived(n: number): Promise<void>;
  close(): void;
}> {
  const socket = dgram.createSocket('udp4');
  const seen: { port: number; id: number; name: string; type: string; rinfo: dgram.RemoteInfo }[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (msg, rinfo) => {
    const q = packet.decode(msg);
    const question = q.questions?.[0];
    seen.push({ port: rinfo.port, id: q.id ?? -1, name: question?.name ?? '', type: question?.type ?? '', rinfo });
    for (const w of waiters.splice(0)) w();
  });
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  return {
    port: socket.address().port,
    seen,
    answer(i, address) {
      const q = seen[i]!;
      const type = q.type === 'AAAA' ? 'AAAA' : 'A';
      const reply = packet.encode({ id: q.id, type: 'response', flags: packet.RECURSION_DESIRED, questions: [{ name: q.name, type, class: 'IN' }], answers: [{ name: q.name, type, class: 'IN', ttl: 0, data: address }] });
      socket.send(reply, q.rinfo.port, q.rinfo.address);
    },
    async arrived(n) {
      while (seen.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
    },
    close: () => socket.close(),
  };
}

describe('DnsChannel: a lookup\'s questions on one UDP socket', { timeout: TEST_TIMEOUT }, () => {
  it('asks every question from one source port with distinct ids, and gives each its own answer', async (t) => {
    const server = await recordingServer();
    t.after(() => server.close());
    const channel = new DnsChannel({ host: '127.0.0.1', port: server.port });
    t.after(() => channel.close());
    const signal = new AbortController().signal;
    const a = channel.query(NAME, 'A', { signal });
    const b = channel.query('other.duress.test', 'A', { signal });
    await server.arrived(2);
    assert.equal(server.seen[0]!.port, server.seen[1]!.port, 'both questions from one socket');
    assert.notEqual(server.seen[0]!.id, server.seen[1]!.id);
    // Answered in the other order: each question still gets the answer to its own id and name.
    server.answer(1, '127.0.0.2');
    server.answer(0, '127.0.0.1');
    assert.deepEqual(await a, ['127.0.0.1']);
    assert.deepEqual(await b, ['127.0.0.2']);
    assert.equal(channel.pending, 0);
  });

  it('ignores a late answer to a question given up, and a later question does not take it', async (t) => {
    const server = await recordingServer();
    t.after(() => server.close());
    const channel = new DnsChannel({ host: '127.0.0.1', port: server.port });
    t.after(() => channel.close());
    const first = new AbortController();
    const givenUp = channel.query(NAME, 'A', { signal: first.signal });
    await server.arrived(1);
    first.abort();
    assert.equal(await errorCode(givenUp), 'ECANCELLED');
    const later = channel.query(NAME, 'A', { signal: new AbortController().signal });
    await server.arrived(2);
    assert.equal(server.seen[1]!.port, server.seen[0]!.port, 'the socket outlives a question given up');
    assert.notEqual(server.seen[1]!.id, server.seen[0]!.id, 'an id in use lately is not reused at once');
    server.answer(0, '127.0.0.9'); // the late answer: for the id given up
    server.answer(1, '127.0.0.1');
    assert.deepEqual(await later, ['127.0.0.1']);
  });
});

describe('DNS server: answers reused for repeated questions', { timeout: TEST_TIMEOUT }, () => {
  it('answers a repeated question with the same bytes under the new id, and setRecord is seen at once', async (t) => {
    const server = createDnsServer({ clock: new ScaledClock(1), records: { [NAME]: ['127.0.0.1'] } });
    t.after(() => server.stop());
    const address = await server.start();
    const client = dgram.createSocket('udp4');
    t.after(() => client.close());
    client.connect(address.port, address.host);
    await once(client, 'connect');
    const ask = async (id: number): Promise<Buffer> => {
      client.send(packet.encode({ id, type: 'query', flags: packet.RECURSION_DESIRED, questions: [{ name: NAME, type: 'A', class: 'IN' }] }));
      const [msg] = (await once(client, 'message')) as [Buffer];
      return msg;
    };
    const addresses = (msg: Buffer): string[] => (packet.decode(msg).answers ?? []).map((a) => (a as packet.StringAnswer).data);
    const one = await ask(1111);
    const two = await ask(2222);
    assert.equal(two.readUInt16BE(0), 2222);
    assert.deepEqual(two.subarray(2), one.subarray(2), 'the same answer but for the id');
    assert.deepEqual(addresses(two), ['127.0.0.1']);
    server.setRecord(NAME, ['127.0.0.7']);
    assert.deepEqual(addresses(await ask(3333)), ['127.0.0.7']);
    server.setRecord(NAME, null);
    assert.equal((await ask(4444)).readUInt16BE(2) & 0xf, 3, 'NXDOMAIN');
    assert.equal(server.counters.nxdomain, 1);
  });
});
