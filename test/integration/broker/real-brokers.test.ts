import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { LinkResults } from '../../../src/results/results.js';
import { cellResults, runBrokerCell } from '../../helpers/cell.js';
import { brokerScenario } from '../../helpers/scenario-text.js';
import { systemProgram } from '../../helpers/system-program.js';

// One real server per test, started by the instance: 2 publishers at 200 messages/s of 8 KiB (3.2 MB/s),
// 3 subscribers, each through its own proxy route; subscriber-2's link stalls from 0.5 s on (bandwidth 0:
// the connection stays open and nothing is read, so the server's writes back up once the socket buffers
// between them are full, a few MB on loopback). Tight limits keep the runs short.
const STALLED = {
  duration: '6s',
  drain: '1s',
  'system.rate': '200/s',
  'system.payloadSize': '8KB',
  faults: '[{kind: bandwidth, at: 500ms, rate: 0, link: subscriber-2}]',
};

function links(cell: ReturnType<typeof cellResults>): { fast: LinkResults[]; dead: LinkResults } {
  const all = cell.perLink?.links ?? [];
  const dead = all.find((l) => l.name === 'subscriber-2');
  assert.ok(dead, `links: ${all.map((l) => l.name).join(', ')}`);
  assert.equal(dead.role, 'dead');
  return { fast: all.filter((l) => l.role === 'fast'), dead };
}

/** Every message published reached each fast subscriber (the cell's copies owed, a third each), quickly unless `slowed`. */
function assertFastUnharmed(cell: ReturnType<typeof cellResults>, fast: LinkResults[], slowed = false): void {
  const perSubscriber = cell.delivery.generated / 3;
  assert.equal(fast.length, 2);
  for (const f of fast) {
    assert.equal(f.delivered, perSubscriber, `${f.name} delivered ${f.delivered} of ${perSubscriber}`);
    assert.equal(f.counts.dropped, 0);
    if (!slowed) assert.ok(f.p99 < 1000, `${f.name} p99 ${f.p99} ms`);
  }
}

/** Runs the stalled scenario on `server` and reads its cell, its fast subscribers and the stalled one. */
async function runStalled(t: TestContext, server: string): Promise<{ cell: ReturnType<typeof cellResults>; fast: LinkResults[]; dead: LinkResults }> {
  const scenario = brokerScenario({ ...STALLED, 'system.server': server });
  const { journal } = await runBrokerCell(scenario);
  const cell = cellResults(scenario, journal);
  const { fast, dead } = links(cell);
  t.diagnostic(`dead: delivered ${dead.delivered}, dropped ${dead.counts.dropped}, cut ${dead.counts.cut} at ${dead.counts.cutAt} ms; fast p99 ${fast.map((f) => f.p99).join(', ')} ms`);
  assert.deepEqual(cell.failures, []);
  return { cell, fast, dead };
}

/** The server cut the stalled subscriber off once, after the stall began (0.5 s) and before the end (6 s); it lost what it did not get. */
function assertCutOffOnce(cell: ReturnType<typeof cellResults>, dead: LinkResults): void {
  assert.equal(dead.counts.disconnected, 1);
  assert.ok(dead.counts.cutAt! > 500 && dead.counts.cutAt! < 6000, `cut off at ${dead.counts.cutAt} ms, the stall began at 500 ms`);
  const perSubscriber = cell.delivery.generated / 3;
  assert.ok(dead.counts.cut! > 0);
  assert.equal(dead.delivered + dead.counts.cut!, perSubscriber);
  assert.equal(cell.delivery.lost, 0);
}

test('redis: a subscriber that stops reading is disconnected past the pub/sub hard limit; duress says when and what it lost, and the fast ones keep their latency', { timeout: 60_000 }, async (t) => {
  systemProgram('redis-server');
  const { cell, fast, dead } = await runStalled(t, '{ kind: redis, outputBufferLimit: { hard: 512KB, soft: 0, softFor: 0 } }');
  // Redis's log named the client it cut off; what it lost is everything it did not get: nothing dropped.
  assertCutOffOnce(cell, dead);
  assert.equal(cell.delivery.dropped, dead.counts.cut);
  assertFastUnharmed(cell, fast);
  // The server held at most about the hard limit for it (CLIENT LIST, sampled), and its memory was read from /proc.
  assert.ok((cell.system.peakQueuedBytes ?? Infinity) <= 512 * 1024 + 64 * 1024, `peak queued ${cell.system.peakQueuedBytes}`);
  assert.ok((cell.system.peakMemory ?? 0) > 1024 * 1024, `server RSS ${cell.system.peakMemory}`);
});

test('nats: a subscriber that stops reading is a slow consumer, disconnected; duress says when and what it lost', { timeout: 60_000 }, async (t) => {
  systemProgram('nats-server');
  const { cell, fast, dead } = await runStalled(t, '{ kind: nats, maxPending: 512KB, writeDeadline: 2s }');
  assertCutOffOnce(cell, dead);
  // Not their latency: nats-server holds publishers back (its stall gate, past 3/4 of max_pending) while the
  // slow consumer's writes are blocked, so the fast subscribers wait too until it is cut off. The scenario shows it.
  assertFastUnharmed(cell, fast, true);
});

test('mosquitto: QoS 0 messages past a stalled subscriber\'s queue limit are dropped and counted; it stays connected', { timeout: 60_000 }, async (t) => {
  systemProgram('mosquitto');
  const { cell, fast, dead } = await runStalled(t, '{ kind: mosquitto, maxQueuedMessages: 100 }');
  assert.equal(dead.counts.disconnected, 0);
  // The instance's final account came (it waits for mosquitto's last $SYS round, past the engine's default
  // stop grace): an instance ended without one would count what it held as lost in a failure.
  assert.equal(cell.delivery.lostInFailures, 0);
  // $SYS/broker/publish/messages/dropped, read after every publish was routed: every drop is the stalled
  // subscriber's, and with what it got and what was still on its way when the run ended, makes up its share.
  assert.ok(dead.counts.dropped! > 0);
  assert.equal(cell.delivery.dropped, dead.counts.dropped);
  const perSubscriber = cell.delivery.generated / 3;
  assert.equal(dead.delivered + dead.counts.dropped! + cell.delivery.undrained, perSubscriber);
  assert.equal(cell.delivery.lost, 0);
  assertFastUnharmed(cell, fast);
});
