import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FailureEvent } from '../../../src/engine/journal-events.js';
import { buildResults } from '../../../src/report/build-results.js';
import type { JournalEvent } from '../../../src/engine/journal-events.js';
import { runCell } from '../../helpers/cell.js';
import { forwarderScenario } from '../../helpers/scenario-text.js';

test('instances killed on an exponential timeline are recorded as failures, and hours to failure estimates the mean', { timeout: 90_000 }, async () => {
  // 4 instances, one killed every ~30 min (scenario): each instance fails every 2 h on average.
  // 8 h of scenario time at speed 1000: about 16 failures, in about 30 s of wall time.
  const scenario = forwarderScenario({
    duration: '8h',
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
    faults: '[{kind: kill, every: ~30m, instances: 1}]',
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
  // Exposure: 4 instances for 8 h, less the time renewals took (measured: a worker takes a fraction of a
  // wall second to start, which at speed 1000 is minutes of scenario time).
  assert.ok(cell.exposureHours > 24 && cell.exposureHours <= 32.1, `exposure ${cell.exposureHours} h`);
  assert.equal(cell.htf.overall.failures, killed.length);
  assert.ok(Math.abs(cell.htf.overall.estimate - cell.exposureHours / killed.length) < 1e-9);
  assert.ok(cell.htf.overall.lower! < cell.htf.overall.estimate);
  assert.equal(cell.htf.dominant, 'crash');
});
