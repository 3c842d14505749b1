import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runCell as run, type ForwarderTestCell } from '../../helpers/cell.js';
import { forwarderScenario } from '../../helpers/scenario-text.js';

/** Runs a cell through load and drain; `arrange` may add sink faults once the sink is up. */
async function runCell(overrides: Record<string, string>, arrange?: (cell: ForwarderTestCell) => void): Promise<ForwarderTestCell> {
  const { cell, drained } = await run(forwarderScenario(overrides), arrange);
  assert.ok(drained, 'the cell drained within its drain time');
  return cell;
}

// Independent cells of 2 s at real speed, each with its own sink and proxy, that mostly wait on the clock: three at
// a time, so the file takes about a third of their summed wall time.
describe('the forwarder pipeline', { concurrency: 3 }, () => {
  test('the whole path delivers every record exactly once, in order', { timeout: 30_000 }, async () => {
    const cell = await runCell({ instances: '3' });
    const c = cell.ledger.counts();
    assert.ok(c.generated >= 2500, `generated ${c.generated}`);
    assert.equal(c.delivered, c.generated);
    assert.deepEqual([c.lost, c.dropped, c.duplicated, c.reordered, c.undrained, c.foreign], [0, 0, 0, 0, 0, 0]);
    assert.equal(cell.sink.streams().length, 3, 'one log stream per instance');
    assert.equal(cell.ledger.latencyNow().totalCount, c.delivered);
    assert.equal(c.lostInFailures, 0);
  });

  test('a stream pushed past its rate is throttled with the real answer; retries deliver everything', { timeout: 60_000 }, async () => {
    // 10 flushes a second against a quota of 4 requests a second: most flushes meet a ThrottlingException.
    const cell = await runCell({ 'sink.streamRate': '4/s', 'sink.streamBurst': '2', 'system.input.rate': '300/s' });
    const c = cell.ledger.counts();
    const throttledAtSink = cell.sink.counters.requests.PutLogEvents.throttled;
    const throttledSeen = cell.counters().requests.throttled ?? 0;
    assert.ok(throttledAtSink > 5, `sink throttled ${throttledAtSink} requests`);
    assert.equal(throttledSeen, throttledAtSink, 'the forwarder saw each throttling answer as throttling');
    assert.ok(cell.counters().system.chunksRetried! > 0);
    assert.equal(c.delivered, c.generated);
    assert.equal(c.lost, 0);
    assert.equal(c.dropped, 0);
  });

  test('batches the sink silently discards are exactly the records reported lost', { timeout: 30_000 }, async () => {
    const cell = await runCell({}, (cell) => cell.sink.faults.add({ kind: 'discard', batches: 3 }));
    const c = cell.ledger.counts();
    assert.equal(cell.sink.counters.batchesDiscarded, 3);
    assert.ok(cell.sink.counters.eventsDiscarded > 0);
    assert.equal(c.lost, cell.sink.counters.eventsDiscarded);
    assert.equal(c.delivered + c.lost, c.generated);
    assert.equal(c.duplicated, 0);
  });

  test('a batch the sink answers twice is exactly the records reported duplicated', { timeout: 30_000 }, async () => {
    // One duplicated batch on each of two streams (a second fault on one stream could strike the resend itself).
    const cell = await runCell({ instances: '2' }, (cell) => {
      cell.sink.faults.add({ kind: 'duplicate', batches: 1, streams: ['instance-0'] });
      cell.sink.faults.add({ kind: 'duplicate', batches: 1, streams: ['instance-1'] });
    });
    const c = cell.ledger.counts();
    assert.equal(cell.sink.counters.batchesDuplicated, 2);
    assert.ok(cell.sink.counters.eventsDuplicated > 0);
    assert.equal(c.duplicated, cell.sink.counters.eventsDuplicated);
    assert.equal(c.duplicateCopies, c.duplicated, 'each duplicated record arrived exactly twice');
    assert.equal(c.delivered, c.generated);
    assert.equal(c.lost, 0);
  });

  test('a full buffer drops new records when told to, and counts them as declared drops', { timeout: 30_000 }, async () => {
    const cell = await runCell(
      { 'system.onFull': 'drop', 'system.memLimit': '16KB', 'system.chunkSize': '4KB', 'sink.latency': '400ms' },
    );
    const c = cell.ledger.counts();
    const sys = cell.counters().system;
    assert.ok(sys.recordsDroppedBufferFull! > 0, 'the slow sink filled the buffer');
    assert.equal(c.dropped, sys.recordsDroppedBufferFull);
    assert.equal(c.lost, 0);
    assert.equal(c.delivered + c.dropped, c.generated);
  });

  test('a full buffer pauses the input when told to: nothing dropped, latency counts the wait', { timeout: 30_000 }, async () => {
    const cell = await runCell({ 'system.onFull': 'pause', 'system.memLimit': '16KB', 'system.chunkSize': '4KB', 'sink.latency': '400ms' });
    const c = cell.ledger.counts();
    assert.ok(cell.counters().system.inputPausedTicks! > 0, 'the input was paused');
    assert.equal(c.dropped, 0);
    assert.equal(c.lost, 0);
    assert.equal(c.delivered, c.generated);
    // Records held back by the pause carry their scheduled time, so their latency includes the wait.
    assert.ok(cell.ledger.latencyNow().maxValue / 1000 > 400, `max latency ${cell.ledger.latencyNow().maxValue / 1000} ms`);
  });
});

// Alone: its 800 ms outage starts with the cell, and must still be on when the first flushes go out; a cell booting
// beside others may start flushing after it has ended.
test('chunks that exhaust their retries are declared dropped, not lost', { timeout: 30_000 }, async () => {
  const cell = await runCell({ 'system.scheduler.retryLimit': '1' }, (cell) =>
    cell.sink.faults.add({ kind: 'error', status: 503, ops: ['PutLogEvents'], for: 800 }),
  );
  const c = cell.ledger.counts();
  const sys = cell.counters().system;
  assert.ok(sys.chunksDropped! > 0, 'some chunks ran out of retries during the outage');
  assert.equal(c.dropped, sys.recordsDroppedRetries);
  assert.equal(c.lost, 0);
  assert.equal(c.delivered + c.dropped, c.generated);
});
