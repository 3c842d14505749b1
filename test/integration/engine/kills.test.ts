import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FailureEvent } from '../../../src/journal/events.js';
import { buildResults } from '../../../src/results/build-results.js';
import type { JournalEvent } from '../../../src/journal/events.js';
import { HEARTBEAT_WALL_MS } from '../../../src/engine/cell-runner.js';
import { MS_PER_HOUR } from '../../../src/stats/hours-to-failure.js';
import { runCell } from '../../helpers/cell.js';
import { forwarderScenario } from '../../helpers/scenario-text.js';

test('instances killed on an exponential timeline are recorded as failures, and hours to failure estimates the mean', { timeout: 90_000 }, async () => {
  // 4 instances, one killed every ~15 min (scenario): each instance fails every hour on average.
  // 4 h of scenario time at speed 1000: about 16 failures, in about 15 s of wall time.
  const scenario = forwarderScenario({
    duration: '4h',
    drain: '0s',
    instances: '4',
    'clock.speed': '1000',
    'system.input.rate': '1/s',
    'system.flush': '10s',
    'system.scheduler.base': '5s',
    'system.scheduler.cap': '60s',
    'system.net.keepaliveIdleTimeout': '30s',
    'system.net.connectTimeout': '10s',
    'report.interval': '10m',
    'failures.hangWindow': '20m',
    faults: '[{kind: kill, every: ~15m, instances: 1}]',
  });
  const { journal } = await runCell(scenario);
  const killed = journal.filter((e): e is FailureEvent => e.t === 'failure');
  assert.ok(killed.length >= 8, `${killed.length} kills recorded`);
  for (const f of killed) {
    assert.equal(f.mode, 'crash');
    assert.match(String(f.evidence.reason), /killed by the fault kill#1\/\d+/);
    assert.deepEqual(f.faults.map((x) => x.id), [String(f.evidence.reason).split(' ').pop()], 'the kill is the fault active at the failure');
  }
  const run: JournalEvent[] = [
    { t: 'run-start', format: 'duress-journal/1', duressVersion: 'test', wall: '', file: 't', scenario, speed: 1000, cells: [{ index: 0, name: 'default', values: {}, instances: 4, duration: scenario.duration }] },
    ...journal,
  ];
  const cell = buildResults(run).cells[0]!;
  // Exposure, from the journal's own account of each slot: every slot's first instance starts with the
  // cell (at 0) and its last is stopped with it; in between, the slot is empty from each failure to its
  // renewal's start. So exposure = slots × the cell's stop time − the renewal gaps, to a heartbeat.
  const heartbeat = HEARTBEAT_WALL_MS * 1000;
  const starts = journal.filter((e) => e.t === 'instance-start');
  const ends = journal.filter((e) => e.t === 'instance-end');
  const stoppedAt = Math.max(...ends.map((e) => e.at));
  let gaps = 0;
  for (let slot = 0; slot < 4; slot++) {
    const mine = starts.filter((e) => e.slot === slot).sort((a, b) => a.at - b.at);
    assert.equal(mine[0]!.at, 0, `slot ${slot} started with the cell`);
    const failedAt = killed.filter((f) => f.slot === slot).map((f) => f.at).sort((a, b) => a - b);
    // One renewal per kill, but for one that was still booting when the cell stopped (it never ran).
    assert.ok(mine.length === failedAt.length + 1 || mine.length === failedAt.length, `slot ${slot}: ${mine.length} instances for ${failedAt.length} kills`);
    failedAt.forEach((at, i) => {
      const next = mine[i + 1]?.at ?? stoppedAt;
      assert.ok(next >= at, `slot ${slot}: renewed at ${next}, after the kill at ${at}`);
      gaps += next - at;
    });
  }
  for (const e of ends) assert.ok(e.at >= starts.find((s) => s.id === e.id)!.at, `${e.id} ended before it started`);
  const expected = 4 * stoppedAt - gaps;
  assert.ok(stoppedAt >= scenario.duration, `stopped at ${stoppedAt} ms`);
  assert.ok(Math.abs(cell.exposureHours * MS_PER_HOUR - expected) <= heartbeat, `exposure ${cell.exposureHours * MS_PER_HOUR} ms, slots' running time ${expected} ms`);
  // Hours to failure: every kill counted, as a crash; the bounds bracket the estimate, and the 95% lower
  // bound sits below the true mean (each instance is killed every 4 × 15 min = 1 h on average).
  assert.equal(cell.htf.overall.failures, killed.length);
  assert.equal(cell.htf.byMode.crash?.failures, killed.length);
  assert.ok(cell.htf.overall.lower! < cell.htf.overall.estimate);
  assert.ok(cell.htf.overall.lower! < 1, `lower bound ${cell.htf.overall.lower} h`);
  assert.equal(cell.htf.dominant, 'crash');
});
