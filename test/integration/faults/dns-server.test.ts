import { describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import net from 'node:net';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { Resolver } from 'node:dns/promises';
import * as packet from 'dns-packet';
import { ScaledClock } from '../../../src/core/clock.js';
import { Random } from '../../../src/core/random.js';
import { createDnsServer } from '../../../src/faults/dns-server.js';
import type { DnsServer, DnsServerOptions } from '../../../src/faults/dns-server.js';
import { TcpFrameReader, frameTcp } from '../../../src/faults/dns-wire.js';
import { errorCode, waitFor } from '../../helpers/wait.js';

const TEST_TIMEOUT = 15_000;
const SINK = 'sink.duress.test';

type Decoded = packet.DecodedPacket & { rcode: string };

async function startServer(t: TestContext, options: Partial<DnsServerOptions> = {}): Promise<{ server: DnsServer; port: number }> {
  const server = createDnsServer({ clock: new ScaledClock(1), records: { [SINK]: ['127.0.0.1'], 'v6.duress.test': ['::1', '127.0.0.9'] }, ...options });
  t.after(() => server.stop());
  const { port } = await server.start();
  return { server, port };
}

function resolverFor(port: number, options: { timeout?: number; tries?: number } = {}): Resolver {
  const resolver = new Resolver({ timeout: options.timeout ?? 2000, tries: options.tries ?? 1 });
  resolver.setServers([`127.0.0.1:${port}`]);
  return resolver;
}

function query(id: number, name: string, type: packet.RecordType = 'A'): Buffer {
  return packet.encode({ type: 'query', id, flags: packet.RECURSION_DESIRED, questions: [{ type, name, class: 'IN' }] });
}

/** A UDP client that collects every datagram it receives. */
async function udpClient(t: TestContext, port: number): Promise<{ send(msg: Buffer): void; next(): Promise<Buffer> }> {
  const socket = dgram.createSocket('udp4');
  t.after(() => socket.close());
  const inbox: Buffer[] = [];
  const waiters: ((b: Buffer) => void)[] = [];
  socket.on('message', (msg) => {
    const waiter = waiters.shift();
    if (waiter) waiter(msg);
    else inbox.push(msg);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    send: (msg) => socket.send(msg, port, '127.0.0.1'),
    next: () => {
      const ready = inbox.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no UDP answer within 3 s')), 3000);
        waiters.push((b) => {
          clearTimeout(timer);
          resolve(b);
        });
      });
    },
  };
}

/** A raw TCP client that reads length-prefixed answers. */
async function tcpClient(t: TestContext, port: number): Promise<{ socket: net.Socket; next(): Promise<Buffer>; closed: Promise<void> }> {
  const socket = net.connect({ host: '127.0.0.1', port });
  t.after(() => socket.destroy());
  socket.on('error', () => {});
  await once(socket, 'connect');
  const reader = new TcpFrameReader(0);
  const inbox: Buffer[] = [];
  const waiters: ((b: Buffer) => void)[] = [];
  socket.on('data', (chunk: Buffer) => {
    const frames = reader.push(chunk);
    if (frames === 'bad-length') return;
    for (const frame of frames) {
      const waiter = waiters.shift();
      if (waiter) waiter(frame);
      else inbox.push(frame);
    }
  });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return {
    socket,
    closed,
    next: () => {
      const ready = inbox.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no TCP answer within 3 s')), 3000);
        waiters.push((b) => {
          clearTimeout(timer);
          resolve(b);
        });
      });
    },
  };
}

function decode(msg: Buffer): Decoded {
  return packet.decode(msg) as Decoded;
}

async function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}

describe('dns server: answers', { timeout: TEST_TIMEOUT }, () => {
  it('answers a configured name to node:dns Resolver', async (t) => {
    const { server, port } = await startServer(t);
    const resolver = resolverFor(port);
    assert.deepEqual(await resolver.resolve4(SINK), ['127.0.0.1']);
    assert.deepEqual(await resolver.resolve4('SINK.duress.test'), ['127.0.0.1']);
    assert.deepEqual(await resolver.resolve6('v6.duress.test'), ['::1']);
    assert.deepEqual(await resolver.resolve4('v6.duress.test'), ['127.0.0.9']);
    assert.equal(await errorCode(resolver.resolve6(SINK)), 'ENODATA');
    assert.equal(await errorCode(resolver.resolve4('nowhere.duress.test')), 'ENOTFOUND');
    assert.ok(server.counters.queries >= 6);
    assert.equal(server.counters.nxdomain, 1);
  });

  it('answers with the configured ttl and follows record changes', async (t) => {
    const { server, port } = await startServer(t, { ttl: 42 });
    const resolver = resolverFor(port);
    assert.deepEqual(await resolver.resolve4(SINK, { ttl: true }), [{ address: '127.0.0.1', ttl: 42 }]);
    server.setRecord('new.duress.test', ['127.0.0.5']);
    assert.deepEqual(await resolver.resolve4('new.duress.test'), ['127.0.0.5']);
    server.setRecord('new.duress.test', null);
    assert.equal(await errorCode(resolver.resolve4('new.duress.test')), 'ENOTFOUND');
  });

  it('answers several length-prefixed queries on one TCP connection', async (t) => {
    const { server, port } = await startServer(t);
    const client = await tcpClient(t, port);
    client.socket.write(Buffer.concat([frameTcp(query(11, SINK)), frameTcp(query(12, 'nowhere.duress.test'))]));
    const first = decode(await client.next());
    const second = decode(await client.next());
    assert.equal(first.id, 11);
    assert.equal(first.rcode, 'NOERROR');
    assert.deepEqual(
      first.answers?.map((a) => (a as packet.StringAnswer).data),
      ['127.0.0.1'],
    );
    assert.equal(second.id, 12);
    assert.equal(second.rcode, 'NXDOMAIN');
    // A frame split over two writes.
    const third = frameTcp(query(13, SINK, 'AAAA'));
    client.socket.write(third.subarray(0, 5));
    await waitFor(() => client.socket.bytesWritten >= 5, 3000, 'the partial frame to arrive');
    client.socket.write(third.subarray(5));
    const answer = decode(await client.next());
    assert.equal(answer.id, 13);
    assert.equal(answer.rcode, 'NOERROR');
    assert.equal(answer.answers?.length, 0);
    assert.equal(server.counters.tcpQueries, 3);
    assert.equal(server.counters.tcpConnections, 1);
  });

  it('answers FORMERR to a query without exactly one question, NOTIMP to other opcodes, ignores responses', async (t) => {
    const { server, port } = await startServer(t);
    const client = await udpClient(t, port);
    client.send(packet.encode({ type: 'query', id: 21, questions: [] }));
    const formerr = decode(await client.next());
    assert.equal(formerr.id, 21);
    assert.equal(formerr.rcode, 'FORMERR');
    const notify = query(22, SINK);
    notify.writeUInt16BE(notify.readUInt16BE(2) | (4 << 11), 2);
    client.send(notify);
    const notimp = decode(await client.next());
    assert.equal(notimp.id, 22);
    assert.equal(notimp.rcode, 'NOTIMP');
    client.send(packet.encode({ type: 'response', id: 23, questions: [{ type: 'A', name: SINK }] }));
    client.send(query(24, SINK));
    assert.equal(decode(await client.next()).id, 24);
    assert.equal(server.counters.ignored, 1);
  });
});

describe('dns server: faults', { timeout: TEST_TIMEOUT }, () => {
  it('stall: a Resolver with a timeout fails with ETIMEOUT after about its timeout', async (t) => {
    const { server, port } = await startServer(t);
    server.setFault({ kind: 'stall' });
    const resolver = resolverFor(port, { timeout: 300, tries: 1 });
    const start = performance.now();
    assert.equal(await errorCode(resolver.resolve4(SINK)), 'ETIMEOUT');
    const elapsed = performance.now() - start;
    // c-ares checks its timeouts on a coarse tick: it fires between the timeout and about twice it.
    assert.ok(elapsed >= 280 && elapsed < 1500, `took ${elapsed} ms`);
    assert.equal(server.counters.stalled, 1);
    assert.equal(server.counters.answered, 0);
  });

  it('stall on one name leaves the others answered', async (t) => {
    const { server, port } = await startServer(t, { records: { [SINK]: ['127.0.0.1'], 'other.duress.test': ['127.0.0.3'] } });
    server.setFault({ kind: 'stall' }, SINK);
    const resolver = resolverFor(port, { timeout: 300 });
    assert.deepEqual(await resolver.resolve4('other.duress.test'), ['127.0.0.3']);
    assert.equal(await errorCode(resolver.resolve4(SINK)), 'ETIMEOUT');
  });

  it('a stalled query stays unanswered after the stall ends; later queries are answered', async (t) => {
    const { server, port } = await startServer(t);
    const client = await udpClient(t, port);
    const id = server.addFault({ kind: 'stall' });
    client.send(query(31, SINK));
    await waitFor(() => server.counters.stalled === 1, 3000, 'the stalled query');
    assert.equal(server.removeFault(id), true);
    client.send(query(32, SINK));
    // Answers come back in order from one server, so the first datagram seen must be the second query's.
    assert.equal(decode(await client.next()).id, 32);
    assert.equal(server.counters.answered, 1);
  });

  it('delay: the answer comes after the delay, in scenario ms through the clock', async (t) => {
    const { server, port } = await startServer(t, { clock: new ScaledClock(10) });
    server.setFault({ kind: 'delay', ms: 3000 }, SINK);
    const resolver = resolverFor(port, { timeout: 5000 });
    const start = performance.now();
    assert.deepEqual(await resolver.resolve4(SINK), ['127.0.0.1']);
    const elapsed = performance.now() - start;
    assert.ok(elapsed >= 290 && elapsed < 700, `took ${elapsed} ms for 300 wall ms`);
    assert.equal(server.counters.delayed, 1);
    assert.equal(server.counters.pendingDelayed, 0);
    const quick = performance.now();
    assert.equal(await errorCode(resolver.resolve4('nowhere.duress.test')), 'ENOTFOUND');
    assert.ok(performance.now() - quick < 200);
  });

  it('a delayed query is still answered when due after the delay is removed', async (t) => {
    const { server, port } = await startServer(t);
    const client = await udpClient(t, port);
    const id = server.addFault({ kind: 'delay', ms: 300 });
    const start = performance.now();
    client.send(query(41, SINK));
    await waitFor(() => server.counters.delayed === 1, 3000, 'the delayed query');
    server.removeFault(id);
    client.send(query(42, SINK));
    assert.equal(decode(await client.next()).id, 42);
    const late = decode(await client.next());
    assert.equal(late.id, 41);
    assert.deepEqual(
      late.answers?.map((a) => (a as packet.StringAnswer).data),
      ['127.0.0.1'],
    );
    const elapsed = performance.now() - start;
    assert.ok(elapsed >= 290 && elapsed < 800, `took ${elapsed} ms`);
  });

  it('nxdomain gives ENOTFOUND, servfail ESERVFAIL, and clearing restores the answer', async (t) => {
    const { server, port } = await startServer(t);
    const resolver = resolverFor(port);
    server.setFault({ kind: 'nxdomain' }, SINK);
    assert.equal(await errorCode(resolver.resolve4(SINK)), 'ENOTFOUND');
    server.setFault({ kind: 'servfail' }, SINK);
    assert.equal(await errorCode(resolver.resolve4(SINK)), 'ESERVFAIL');
    server.setFault(null, SINK);
    assert.deepEqual(await resolver.resolve4(SINK), ['127.0.0.1']);
    assert.equal(server.counters.nxdomain, 1);
    assert.ok(server.counters.servfail >= 1);
  });

  it('wrong-address answers the other address, per family', async (t) => {
    const { server, port } = await startServer(t);
    const resolver = resolverFor(port);
    server.setFault({ kind: 'wrong-address', addresses: ['127.0.0.2', '::2'] });
    assert.deepEqual(await resolver.resolve4(SINK), ['127.0.0.2']);
    assert.deepEqual(await resolver.resolve6(SINK), ['::2']);
    assert.deepEqual(await resolver.resolve4('unknown.duress.test'), ['127.0.0.2']);
    assert.equal(server.counters.wrongAddress, 3);
  });

  it('toxicity hits a seeded share of queries', async (t) => {
    const { server, port } = await startServer(t, { random: new Random(5) });
    server.setFault({ kind: 'nxdomain', toxicity: 0.5 });
    const resolver = resolverFor(port);
    const codes = [];
    for (let i = 0; i < 40; i++) codes.push(await errorCode(resolver.resolve4(SINK)));
    const failed = codes.filter((c) => c === 'ENOTFOUND').length;
    assert.ok(failed > 8 && failed < 32, `failed ${failed} of 40`);
    assert.equal(failed + codes.filter((c) => c === 'resolved').length, 40);
  });

  it('reports each query to onQuery with the faults that hit it', async (t) => {
    const events: { outcome: string; faultIds: number[] }[] = [];
    const { server, port } = await startServer(t, {
      onQuery: (e) => {
        events.push({ outcome: e.outcome, faultIds: e.faultIds });
        throw new Error('a broken hook does not stop the server');
      },
    });
    const id = server.setFault({ kind: 'servfail' }, SINK);
    const resolver = resolverFor(port);
    assert.equal(await errorCode(resolver.resolve4(SINK)), 'ESERVFAIL');
    assert.deepEqual(events[0], { outcome: 'servfail', faultIds: [id] });
  });

  it('stop drops pending delayed answers and closes TCP connections', async (t) => {
    const { server, port } = await startServer(t);
    server.setFault({ kind: 'delay', ms: 60_000 });
    const client = await tcpClient(t, port);
    client.socket.write(frameTcp(query(51, SINK)));
    await waitFor(() => server.counters.pendingDelayed === 1, 3000, 'the delayed query');
    await bounded(server.stop(), 2000, 'stop');
    await bounded(client.closed, 2000, 'the TCP connection to close');
    assert.equal(server.counters.pendingDelayed, 0);
    assert.equal(server.counters.undeliverable, 1);
    assert.equal(server.address, null);
  });
});

describe('dns server: garbled input', { timeout: TEST_TIMEOUT }, () => {
  it('answers FORMERR with the same id to every truncated query of header size or more, and ignores shorter ones', async (t) => {
    const { server, port } = await startServer(t);
    const client = await udpClient(t, port);
    const full = query(0x5151, SINK);
    for (let len = 0; len < full.length; len++) {
      client.send(full.subarray(0, len));
      if (len >= 12) {
        const reply = decode(await client.next());
        assert.equal(reply.id, 0x5151, `prefix of ${len} bytes`);
        assert.equal(reply.rcode, 'FORMERR', `prefix of ${len} bytes`);
      }
    }
    client.send(full);
    const answer = decode(await client.next());
    assert.equal(answer.rcode, 'NOERROR');
    assert.equal(server.counters.ignored, 12);
    assert.equal(server.counters.formerr, full.length - 12);
  });

  it('survives random datagrams and keeps answering', async (t) => {
    const { server, port } = await startServer(t);
    const client = await udpClient(t, port);
    const random = new Random(20240611);
    const sent = 400;
    for (let i = 0; i < sent; i++) {
      const length = random.int(0, i % 4 === 0 ? 600 : 40);
      const bytes = Buffer.alloc(length);
      for (let j = 0; j < length; j++) bytes[j] = random.int(0, 255);
      // Half of them look like queries with plausible counts, to get past the header.
      if (i % 2 === 0 && length >= 12) bytes.writeUInt16BE(bytes.readUInt16BE(2) & 0x7fff, 2);
      client.send(bytes);
      // In batches: a burst bigger than the socket buffer would be dropped by the kernel, not by us.
      if (i % 20 === 19) await waitFor(() => server.counters.received === i + 1, 3000, `datagram ${i + 1} to be handled`);
    }
    await waitFor(() => server.counters.received === sent, 3000, 'every datagram to be handled');
    const resolver = resolverFor(port);
    assert.deepEqual(await resolver.resolve4(SINK), ['127.0.0.1']);
    assert.ok(server.counters.formerr > 0);
    assert.ok(server.counters.ignored > 0);
  });

  it('closes a TCP connection with a bad length prefix, and only that one', async (t) => {
    const { server, port } = await startServer(t);
    const good = await tcpClient(t, port);
    const bad = await tcpClient(t, port);
    bad.socket.write(Buffer.from([0, 5, 1, 2, 3, 4, 5]));
    await bounded(bad.closed, 2000, 'the bad connection to close');
    good.socket.write(frameTcp(query(61, SINK)));
    assert.equal(decode(await good.next()).id, 61);
    assert.equal(server.counters.tcpRejected, 1);
  });

  it('answers FORMERR to an undecodable huge TCP frame, then closes that connection', async (t) => {
    const { server, port } = await startServer(t);
    const client = await tcpClient(t, port);
    const frame = Buffer.alloc(0xffff, 0x3f);
    query(0x6262, SINK).copy(frame, 0, 0, 12);
    const prefix = Buffer.from([0xff, 0xff]);
    client.socket.write(prefix);
    // Sent in pieces: the server must wait for the whole frame.
    for (let i = 0; i < frame.length; i += 8192) client.socket.write(frame.subarray(i, i + 8192));
    const reply = decode(await client.next());
    assert.equal(reply.id, 0x6262);
    assert.equal(reply.rcode, 'FORMERR');
    await bounded(client.closed, 2000, 'the connection to close');
    const resolver = resolverFor(port);
    assert.deepEqual(await resolver.resolve4(SINK), ['127.0.0.1']);
    assert.equal(server.counters.tcpRejected, 1);
  });

  it('survives TCP clients sending random bytes or hanging up mid-frame', async (t) => {
    const { server, port } = await startServer(t);
    const random = new Random(99);
    for (let i = 0; i < 30; i++) {
      const client = await tcpClient(t, port);
      const length = random.int(1, 3000);
      const bytes = Buffer.alloc(length);
      for (let j = 0; j < length; j++) bytes[j] = random.int(0, 255);
      if (i % 3 === 0) {
        // A huge length, then a hang-up before the frame is complete.
        bytes.writeUInt16BE(0xfff0, 0);
        client.socket.end(bytes.subarray(0, Math.min(length, 100)));
      } else {
        client.socket.end(bytes);
      }
      await bounded(client.closed, 2000, `connection ${i} to close`);
    }
    const client = await tcpClient(t, port);
    client.socket.write(frameTcp(query(71, SINK)));
    assert.equal(decode(await client.next()).id, 71);
    assert.equal(server.counters.tcpConnections, 31);
  });

  it('answers a query over TCP after the client half-closes, even when delayed', async (t) => {
    const { server, port } = await startServer(t);
    server.setFault({ kind: 'delay', ms: 100 });
    const client = await tcpClient(t, port);
    client.socket.end(frameTcp(query(81, SINK)));
    const reply = decode(await client.next());
    assert.equal(reply.id, 81);
    await bounded(client.closed, 2000, 'the connection to close');
    assert.equal(server.counters.undeliverable, 0);
  });
});

describe('dns server: lifecycle', { timeout: TEST_TIMEOUT }, () => {
  it('listens on ::1 too', async (t) => {
    const { port } = await startServer(t, { host: '::1' });
    const resolver = new Resolver({ timeout: 2000, tries: 1 });
    resolver.setServers([`[::1]:${port}`]);
    assert.deepEqual(await resolver.resolve4(SINK), ['127.0.0.1']);
  });

  it('starts once when asked twice, and a taken port is an input error', async (t) => {
    const server = createDnsServer({ clock: new ScaledClock(1), records: {} });
    t.after(() => server.stop());
    const [a, b] = await Promise.all([server.start(), server.start()]);
    assert.deepEqual(a, b);
    const clash = createDnsServer({ clock: new ScaledClock(1), port: a.port });
    await assert.rejects(clash.start(), (err: Error) => err.name === 'InputError');
    await clash.stop();
  });

  it('on a fixed port, an address another server holds is passed over for the next fallback, each server answering its own records; with every one taken it is an input error that says so', async (t) => {
    // A port free on 127.53.9.1 now; the first server takes it there.
    const first = await startServer(t, { host: '127.53.9.1', records: { [SINK]: ['127.0.0.1'] } });
    const port = first.port;
    const fallbackHosts = ['127.53.9.1', '127.53.9.2', '127.53.9.3'];
    const second = await startServer(t, { host: '127.53.9.1', port, fallbackHosts, records: { [SINK]: ['127.0.0.2'] } });
    const third = await startServer(t, { host: '127.53.9.1', port, fallbackHosts, records: { [SINK]: ['127.0.0.3'] } });
    assert.deepEqual([second.server.address, third.server.address], [{ host: '127.53.9.2', port }, { host: '127.53.9.3', port }]);
    for (const [host, answer] of [['127.53.9.1', '127.0.0.1'], ['127.53.9.2', '127.0.0.2'], ['127.53.9.3', '127.0.0.3']] as const) {
      const resolver = new Resolver({ timeout: 2000, tries: 1 });
      resolver.setServers([`${host}:${port}`]);
      assert.deepEqual(await resolver.resolve4(SINK), [answer], `the server at ${host}`);
    }
    const fourth = createDnsServer({ clock: new ScaledClock(1), host: '127.53.9.1', port, fallbackHosts });
    await assert.rejects(fourth.start(), (err: Error) => err.name === 'InputError' && /nor on 2 more addresses after it: all in use/.test(err.message) && /EADDRINUSE/.test(err.message));
    await fourth.stop();
  });

  it('a stopped server refuses queries', async (t) => {
    const { server, port } = await startServer(t);
    await server.stop();
    await server.stop();
    assert.equal(await errorCode(resolverFor(port).resolve4(SINK)), 'ECONNREFUSED');
  });
});
