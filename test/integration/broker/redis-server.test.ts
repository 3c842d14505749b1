import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect as tcpConnect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Redis } from 'ioredis';
import { ScaledClock } from '../../../src/core/clock.js';
import { startRedis } from '../../../src/systems/broker/servers/redis.js';
import { cellResults, runBrokerCell } from '../../helpers/cell.js';
import { brokerScenario } from '../../helpers/scenario-text.js';
import { systemProgram } from '../../helpers/system-program.js';

/** Resolves once `done()` holds, checking every 20 ms; fails naming `what` after `ms`. */
async function until(what: string, ms: number, done: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) assert.fail(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A client's output buffer (`omem`, bytes) as CLIENT LIST shows it; undefined once the client is gone. */
async function omem(admin: Redis, name: string): Promise<number | undefined> {
  const list = (await admin.client('LIST')) as string;
  const line = list.split('\n').find((l) => l.includes(` name=${name} `));
  return line ? Number(/\bomem=(\d+)/.exec(line)?.[1]) : undefined;
}

test('redis: a subscriber its clients cron cuts off (over the soft limit for softFor while the publisher is quiet) is reported cut off, by name', { timeout: 30_000 }, async () => {
  // Redis words the cut-off in two ways: "scheduled to be closed ASAP …" when a write finds the client over its
  // limit, "closed for overcoming …" when its cron does. With the publisher quiet once the subscriber is over the
  // soft limit, only the cron can cut it off: duress used to read only the first wording, and counted the
  // subscriber's loss as lost to a cut-off that never happened.
  const clock = new ScaledClock(1);
  const soft = 64 * 1024;
  const broker = await startRedis({ kind: 'redis', outputBufferLimit: { hard: 0, soft, softFor: 2000 } }, { clock, program: systemProgram('redis-server') });
  const admin = new Redis({ host: broker.address.host, port: broker.address.port, lazyConnect: true, retryStrategy: () => null });
  const stalled = tcpConnect(broker.address.port, broker.address.host);
  stalled.on('error', () => undefined);
  try {
    await admin.connect();
    stalled.write('CLIENT SETNAME stalled\r\nSUBSCRIBE t\r\n');
    await once(stalled, 'data');
    stalled.pause();
    const publisher = await broker.connectPublisher('publisher');
    const message = Buffer.alloc(64 * 1024, 'x');
    // Publish until Redis itself holds more than the soft limit for the stalled client (the socket buffers between
    // them take a few MB first), then nothing more.
    await until('the stalled subscriber over the soft limit', 20_000, async () => {
      for (let i = 0; i < 16; i++) publisher.publish('t', message);
      await until('the publishes answered', 10_000, () => publisher.unanswered === 0);
      return ((await omem(admin, 'stalled')) ?? 0) > soft;
    });
    const quietAt = clock.now();
    // (The stalled socket, paused, would not see the server's close: its word and CLIENT LIST are what tell.)
    await until('Redis\'s word that it cut "stalled" off', 15_000, () => broker.stats.disconnections.has('stalled'));
    const cut = broker.stats.disconnections.get('stalled')!;
    assert.match(cut.reason, /^output buffer limits \(omem \d+ bytes\)$/);
    assert.ok(Number(/omem (\d+)/.exec(cut.reason)?.[1]) > soft, cut.reason);
    // softFor (2 s) after the buffer first passed the soft limit, which was before the publisher went quiet.
    assert.ok(cut.at > quietAt && cut.at < quietAt + 2000 + 5000, `cut off ${cut.at - quietAt} ms after the publisher went quiet`);
    assert.equal(await omem(admin, 'stalled'), undefined);
  } finally {
    stalled.destroy();
    admin.disconnect();
    await broker.stop();
  }
});

/** A port free on 127.0.0.1 now (the test's own: the server it starts takes it a moment later). */
async function freeLoopbackPort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1');
  await once(s, 'listening');
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

test('redis at an address: duress uses the server already running there, reads its limit and its log, starts and leaves none', { timeout: 60_000 }, async (t) => {
  // The test's own redis-server (duress starts none): its pub/sub hard limit 512 KB, logging to a file.
  const program = systemProgram('redis-server');
  const dir = mkdtempSync(join(tmpdir(), 'duress-test-redis-'));
  const port = await freeLoopbackPort();
  const logfile = join(dir, 'redis.log');
  const server = spawn(program, ['-'], { stdio: ['pipe', 'ignore', 'ignore'] });
  const exited = once(server, 'exit');
  server.stdin.end([`bind 127.0.0.1`, `port ${port}`, `save ""`, `appendonly no`, `logfile ${logfile}`, `client-output-buffer-limit pubsub 512kb 0 0`, ''].join('\n'));
  t.after(async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGKILL');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });
  const readLog = (): string => {
    try {
      return readFileSync(logfile, 'utf8');
    } catch {
      return '';
    }
  };
  await until('redis-server ready', 15_000, () => readLog().includes('Ready to accept connections'));

  // 2 publishers at 200 messages/s of 8 KiB, 3 subscribers; subscriber-2 stops reading at 0.5 s.
  const scenario = brokerScenario({
    duration: '4s',
    drain: '1s',
    'system.rate': '200/s',
    'system.payloadSize': '8KB',
    'system.server': `{ kind: redis, address: "127.0.0.1:${port}" }`,
    faults: '[{kind: bandwidth, at: 500ms, rate: 0, link: subscriber-2}]',
  });
  const { journal } = await runBrokerCell(scenario);
  const cell = cellResults(scenario, journal);
  const all = cell.perLink?.links ?? [];
  const dead = all.find((l) => l.name === 'subscriber-2');
  const fast = all.filter((l) => l.role === 'fast');
  assert.ok(dead);
  assert.deepEqual(cell.failures, []);

  // The server's own log named the subscriber it cut off (the instance's id is duress's; its server's log says `name=…/sub-2`).
  const named = /name=(\S+\/sub-2) .*closed (?:ASAP )?for overcoming of output buffer limits/.exec(readLog());
  assert.ok(named, 'the server cut subscriber-2 off');
  assert.equal(dead.counts.disconnected, 1);
  assert.ok(dead.counts.cutAt! > 500 && dead.counts.cutAt! < 4000, `cut off at ${dead.counts.cutAt} ms, the stall began at 500 ms`);
  // Copies owed to each subscriber: every message published; what subscriber-2 did not get, it lost to the cut-off.
  const perSubscriber = cell.delivery.generated / 3;
  assert.ok(perSubscriber > 0);
  assert.ok(dead.counts.cut! > 0);
  assert.equal(dead.delivered + dead.counts.cut!, perSubscriber);
  assert.equal(cell.delivery.lost, 0);
  assert.equal(fast.length, 2);
  for (const f of fast) assert.equal(f.delivered, perSubscriber, `${f.name} delivered ${f.delivered} of ${perSubscriber}`);
  // Its memory is what it says of itself (INFO memory), the only figure there is of a server duress did not start.
  assert.ok((cell.system.peakMemory ?? 0) > 1024 * 1024, `server RSS ${cell.system.peakMemory}`);

  // The server still runs, and duress's clients (2 publishers, 3 subscribers, its stats client) all came and went.
  assert.equal(server.exitCode, null);
  const check = new Redis({ host: '127.0.0.1', port, lazyConnect: true, retryStrategy: () => null });
  await check.connect();
  try {
    const info = (await check.info('stats')) as string;
    assert.ok(Number(/total_connections_received:(\d+)/.exec(info)?.[1]) >= 2 + 3 + 1 + 1, info);
    // Each close reaches the server a moment after duress is done with it.
    await until('every client of duress closed', 5_000, async () => /connected_clients:1\r?\n/.test((await check.info('clients')) as string));
  } finally {
    check.disconnect();
  }
});
