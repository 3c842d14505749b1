import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FailureEvent, JournalEvent } from '../../../src/journal/events.js';
import { runCell } from '../../helpers/cell.js';
import { forwarderScenario } from '../../helpers/scenario-text.js';

const failures = (journal: JournalEvent[]): FailureEvent[] => journal.filter((e): e is FailureEvent => e.t === 'failure');

// Hang window 10 s; at speed 5 it lasts 2 s of wall time, twice the watchdog's minimum.
const BASE = {
  'clock.speed': '5',
  'failures.hangWindow': '10s',
  'system.input.rate': '50/s',
  'system.flush': '1s',
};

// The two cells are independent and mostly wait on the scaled clock (50 records/s each): they run side by
// side, so the file takes the longer cell's wall time, not the sum.
describe('a pause and the watchdog', { concurrency: true }, () => {
  test('a pause of twice the hang window is not a hang: the thawed instance gets a fresh window', { timeout: 60_000 }, async () => {
    const scenario = forwarderScenario({
      ...BASE,
      // The pause ends at 25 s; the load goes on for a whole hang window after the thaw (and 3 s more),
      // so a window not restarted at the thaw would run out, and be declared, during the load.
      duration: '38s',
      drain: '10s',
      instances: '2',
      faults: '[{kind: pause, at: 5s, for: 20s, instances: 2}]',
    });
    const { cell, journal } = await runCell(scenario);
    const pause = journal.find((e) => e.t === 'fault-start' && e.kind === 'pause');
    assert.ok(pause && pause.t === 'fault-start' && pause.slots.length === 2, 'the pause held both instances');
    assert.ok(journal.some((e) => e.t === 'fault-end' && e.id === pause.id), 'the pause ended during the load');
    assert.deepEqual(failures(journal), []);
    assert.equal(journal.filter((e) => e.t === 'instance-start').length, 2, 'no instance was replaced');
    // Held, not lost: every record was delivered once the instances went on.
    const c = cell.ledger.counts();
    assert.equal(c.lost, 0);
    assert.equal(c.delivered, c.generated);
  });

  test('a real hang in the aftermath of a pause is still caught, a full window after the thaw, with the faults that set it up', { timeout: 60_000 }, async () => {
    // The sync stack with no I/O timeout: once the link swallows every answer and the sink's close (`silent`:
    // Toxiproxy's `timeout` passes the close on, which ends the flush), its first flush after the thaw never ends. The link starts swallowing just before the pause ends (at 24 s; the pause ends at 25 s).
    const scenario = forwarderScenario({
      ...BASE,
      // The load ends at 50 s and the drain (the hung instance never drains) lasts until 55 s, after the link
      // stops swallowing at 54 s: the watchdog watches the whole span in which the hang may be declared.
      duration: '50s',
      drain: '5s',
      'system.scheduler.kind': 'sync-legacy',
      'system.net.stack': 'sync',
      'system.net.ioTimeout': '0s',
      faults: '[{kind: pause, at: 5s, for: 20s}, {kind: silent, at: 24s, for: 30s, timeout: 0}]',
    });
    const { journal } = await runCell(scenario);
    const hangs = failures(journal).filter((f) => f.mode === 'hang');
    assert.ok(hangs.length >= 1, `expected a hang, got ${JSON.stringify(failures(journal))}`);
    // The first instance's hang (its successor, started into the swallowing link, may hang too).
    const hang = hangs[0]!;
    assert.equal(hang.id, 'c0s0g0');
    // Never before a whole hang window has passed since the thaw (25 s); caught while the link still swallows (until 54 s).
    assert.ok(hang.at >= 35_000 && hang.at < 54_000, `declared at ${hang.at} ms of scenario time`);
    assert.equal(hang.evidence.inFlight, 1);
    assert.deepEqual(hang.faults.map((f) => f.id).sort(), ['pause#1/1', 'silent#1/1']);
  });
});
