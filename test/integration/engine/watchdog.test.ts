import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FailureEvent, JournalEvent } from '../../../src/journal/events.js';
import { runCell } from '../../helpers/cell.js';
import { forwarderScenario } from '../../helpers/scenario-text.js';

const failures = (journal: JournalEvent[]): FailureEvent[] => journal.filter((e): e is FailureEvent => e.t === 'failure');

// A link that swallows every answer without closing, from 10 s to 50 s of a 70 s cell, hang window 20 s:
// duress's `silent` fault. (Toxiproxy's timeout would pass the sink's close of an idle connection on.)
// At speed 10 the cell takes 7 s of wall time.
const SWALLOW = {
  duration: '70s',
  drain: '20s',
  'clock.speed': '10',
  'failures.hangWindow': '20s',
  'system.input.rate': '50/s',
  'system.flush': '1s',
  faults: '[{kind: silent, at: 10s, for: 40s, timeout: 0}]',
};

// These four cells are independent and mostly wait on the scaled clock (50 records/s, or a flush every 2 s): they
// run side by side, so they take the longest one's wall time, not the sum. The memory test below runs alone: it
// measures this process's own growth, which cells running beside it would blur.
describe('the watchdog and the network stacks', { concurrency: true }, () => {
  test('the sync stack under a silent link hangs, is declared hung within the hang window, and is replaced', { timeout: 60_000 }, async () => {
    const scenario = forwarderScenario({
      ...SWALLOW,
      'system.scheduler.kind': 'sync-legacy',
      'system.net.stack': 'sync',
      'system.net.ioTimeout': '0s',
    });
    const { journal } = await runCell(scenario);
    const hangs = failures(journal).filter((f) => f.mode === 'hang');
    assert.ok(hangs.length >= 1, `expected a hang, got ${JSON.stringify(failures(journal))}`);
    const first = hangs[0]!;
    // Stuck from the first flush after 10 s: never declared before 20 s have passed without progress, and
    // caught while the link still swallows (until 50 s). The upper bound leaves 2 s of wall time for a
    // loaded machine's late checks, far more than the 50 ms check period.
    assert.ok(first.at >= 30_000 && first.at < 50_000, `declared at ${first.at} ms of scenario time`);
    assert.equal(first.evidence.inFlight, 1);
    assert.deepEqual(first.faults.map((f) => f.id), ['silent#1/1']);
    const replaced = journal.filter((e) => e.t === 'instance-start' && e.slot === first.slot);
    assert.ok(replaced.length >= 2, 'a fresh instance took the slot');
  });

  test('the async stack under the same fault times out, retries, is not hung, and delivers again once the fault ends', { timeout: 60_000 }, async () => {
    const scenario = forwarderScenario({
      ...SWALLOW,
      'system.scheduler.kind': 'sync-minimal',
      'system.net.stack': 'async',
      'system.net.ioTimeout': '5s',
      'system.scheduler.retryLimit': 'unlimited',
    });
    const { cell, journal } = await runCell(scenario);
    assert.deepEqual(failures(journal), []);
    const c = cell.ledger.counts();
    assert.equal(c.lost, 0);
    assert.equal(c.dropped, 0);
    assert.equal(c.delivered, c.generated);
    assert.ok((cell.counters().requests.io_timeout ?? 0) > 0, 'requests timed out during the fault');
    const faultEnd = journal.find((e) => e.t === 'fault-end');
    assert.ok(faultEnd && faultEnd.t === 'fault-end');
  });

  test('the legacy stack crashes when its unwatched idle keep-alive connection is reset; the run carries on', { timeout: 60_000 }, async () => {
    // reset_peer on the link (toxicity 0: it never fires itself) gives every connection linger 0, as Toxiproxy
    // does; when the sink closes the idle connection, the client gets an RST while nobody listens.
    const scenario = forwarderScenario({
      duration: '20s',
      'clock.speed': '4',
      'system.scheduler.kind': 'sync-legacy',
      'system.net.stack': 'sync',
      'system.net.keepalive': 'true',
      'system.flush': '2s',
      'sink.idleTimeout': '500ms',
      faults: '[{kind: reset_peer, at: 0s, timeout: 0s, toxicity: 0}]',
    });
    const { journal } = await runCell(scenario);
    const crashes = failures(journal).filter((f) => f.mode === 'crash');
    assert.ok(crashes.length >= 1, `expected a crash, got ${JSON.stringify(failures(journal))}`);
    assert.match(String(crashes[0]!.evidence.stack), /ECONNRESET/);
    assert.equal(crashes[0]!.evidence.code, 'ECONNRESET');
    const starts = journal.filter((e) => e.t === 'instance-start').length;
    assert.ok(starts >= 2, 'the crashed instance was replaced and the cell went on');
  });

  test('the async stack under the same resets does not crash', { timeout: 60_000 }, async () => {
    const scenario = forwarderScenario({
      duration: '20s',
      'clock.speed': '4',
      'system.scheduler.kind': 'sync-minimal',
      'system.net.stack': 'async',
      'system.net.keepalive': 'true',
      'system.flush': '2s',
      'sink.idleTimeout': '500ms',
      faults: '[{kind: reset_peer, at: 0s, timeout: 0s, toxicity: 0}]',
    });
    const { cell, journal } = await runCell(scenario);
    assert.deepEqual(failures(journal), []);
    assert.equal(cell.ledger.counts().lost, 0);
  });
});

test('an instance whose buffer grows without bound is stopped at the memory limit and replaced; duress stays bounded', { timeout: 60_000 }, async () => {
  // The sink refuses everything, retries never end, the buffer limit is far above the instance's memory limit.
  const scenario = forwarderScenario({
    duration: '40s',
    drain: '0s',
    'clock.speed': '10',
    'system.input.rate': '5000/s',
    'system.input.recordSize': '400B',
    'system.memLimit': '2GB',
    'system.chunkSize': '256KB',
    'system.scheduler.retryLimit': 'unlimited',
    'system.scheduler.base': '1s',
    'system.scheduler.cap': '5s',
    'failures.memoryLimit': '48MB',
    faults: '[{kind: sink-error, status: 503}]',
  });
  const rssBefore = process.memoryUsage().rss;
  const { journal } = await runCell(scenario);
  const memory = failures(journal).filter((f) => f.mode === 'memory');
  assert.ok(memory.length >= 1, `expected a memory failure, got ${JSON.stringify(failures(journal).map((f) => f.mode))}`);
  // Declared by the watchdog on live memory (after full collections), not by the worker's heap cap
  // killing it: a death by the cap carries no liveMemory, and fails here.
  const first = memory[0]!.evidence;
  assert.equal(first.limit, 48 * 2 ** 20);
  assert.ok(typeof first.liveMemory === 'number' && first.liveMemory > 48 * 2 ** 20, `live memory ${String(first.liveMemory)}`);
  assert.ok(typeof first.overLimitGcs === 'number' && first.overLimitGcs >= 2, `full collections over the limit: ${String(first.overLimitGcs)}`);
  assert.ok(journal.filter((e) => e.t === 'instance-start').length >= 2, 'replaced after the failure');
  const grown = process.memoryUsage().rss - rssBefore;
  assert.ok(grown < 400 * 2 ** 20, `duress grew by ${(grown / 2 ** 20).toFixed(0)} MB`);
});
