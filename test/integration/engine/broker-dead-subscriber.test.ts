import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellResults, runBrokerCell } from '../../helpers/cell.js';
import { brokerScenario } from '../../helpers/scenario-text.js';

// 2 publishers at 2000 messages/s of 8 KiB (32 MB/s), 2 subscribers; subscriber-1's link swallows
// everything from 0.5 s to 5.5 s (a timeout toxic, which closes only when the broker does): it is connected, and dead.
const DEAD = {
  duration: '7s',
  drain: '2s',
  'system.rate': '2000/s',
  'system.payloadSize': '8KB',
  'system.subscribers': '2',
  'failures.memoryLimit': '64MB',
  faults: '[{kind: timeout, at: 500ms, for: 5s, timeout: 0, link: subscriber-1}]',
};

test('unbounded: a dead subscriber grows the broker until its memory failure is declared, and only that instance fails', { timeout: 60_000 }, async (t) => {
  const scenario = brokerScenario({ ...DEAD, 'system.inbox': '{ kind: unbounded }' });
  const { journal } = await runBrokerCell(scenario);
  const cell = cellResults(scenario, journal);
  const memory = cell.failures.filter((f) => f.mode === 'memory');
  t.diagnostic(`${memory.length} memory failure(s): ${String(memory[0]?.evidence.reason)} at ${memory[0]?.at.toFixed(0)} ms`);
  assert.ok(memory.length >= 1, `failures: ${JSON.stringify(cell.failures.map((f) => f.mode))}`);
  const first = memory[0]!;
  assert.ok(Number(first.evidence.liveMemory) > 64 * 2 ** 20, `live memory ${String(first.evidence.liveMemory)}`);
  assert.ok(Number(first.evidence.overLimitGcs) >= 2);
  assert.ok(Number(first.evidence.queuedBytes) > 24 * 2 ** 20, `the broker held ${first.evidence.queuedBytes} bytes for its subscribers`);
  assert.deepEqual(first.faults.map((f) => f.description), ['timeout (closes when the far end does) on subscriber-1']);
  assert.ok(journal.filter((e) => e.t === 'instance-start').length >= 2, 'a fresh instance took the slot');
  assert.ok(cell.delivery.lostInFailures > 0, 'what the failed instance held is lost with it, and accounted for');
  assert.equal(cell.delivery.lost, 0);
});

test('disconnect: the dead subscriber is cut off at the hard limit, no failure, and queued bytes stay bounded', { timeout: 60_000 }, async (t) => {
  const hard = 2 * 2 ** 20;
  const scenario = brokerScenario({ ...DEAD, 'system.inbox': '{ kind: disconnect, hard: { bytes: 2MB } }' });
  const { journal } = await runBrokerCell(scenario);
  const cell = cellResults(scenario, journal);
  const peak = cell.system.peakQueuedBytes ?? Number.NaN;
  t.diagnostic(`peak queued ${peak} bytes, deepest inbox ${cell.system.deepestQueueBytes} bytes, memory peak ${cell.system.peakMemory} bytes`);
  assert.deepEqual(cell.failures, []);
  const dead = cell.perLink!.links.find((s) => s.name === 'subscriber-1')!;
  assert.equal(dead.role, 'dead');
  assert.equal(dead.counts.disconnected, 1);
  assert.ok((cell.system.deepestQueueBytes ?? Infinity) <= hard);
  // Every subscriber's inbox is capped at the hard limit, plus what its socket and its client's credit window
  // hold (64 KiB each): on a loaded machine the fast subscriber queues too, so the bound is per subscriber.
  // An unbounded inbox holds more than 24 MB here (the test above).
  assert.ok(peak <= 2 * (hard + 256 * 1024), `peak queued ${peak} bytes`);
  assert.ok((cell.system.peakMemory ?? Infinity) < 64 * 2 ** 20);
  assert.equal(cell.delivery.lost, 0);
});
