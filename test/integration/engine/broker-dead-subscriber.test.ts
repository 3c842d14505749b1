import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellResults, runBrokerCell } from '../../helpers/cell.js';
import { brokerScenario } from '../../helpers/scenario-text.js';

const MB = 2 ** 20;
const LIMIT = 64 * MB;
/** What the broker retains for the dead subscriber: 2 publishers at 2000 messages/s of 4 KiB each. */
const RETAINED_PER_S = 2 * 2000 * 4 * 1024;

// 2 publishers at 2000 messages/s of 4 KiB (16 MB/s), 2 subscribers; subscriber-1's link swallows
// everything from 0.5 s to 5.5 s (a timeout toxic, which closes only when the broker does): it is connected, and dead.
const DEAD = {
  duration: '7s',
  drain: '2s',
  'system.rate': '2000/s',
  'system.payloadSize': '4KB',
  'system.subscribers': '2',
  'failures.memoryLimit': '64MB',
  faults: '[{kind: timeout, at: 500ms, for: 5s, timeout: 0, link: subscriber-1}]',
};

// The broker's fan-out makes few heap objects, so V8 collects on its own only every ~64 MB of new buffers:
// a watch that waited for V8's collections had not declared this broker 5 s in, holding 82 MB against 64 MB.
test('unbounded: a dead subscriber grows the broker until its memory failure is declared, promptly, and only that instance fails', { timeout: 60_000 }, async (t) => {
  const scenario = brokerScenario({ ...DEAD, 'system.inbox': '{ kind: unbounded }' });
  const { journal } = await runBrokerCell(scenario);
  const cell = cellResults(scenario, journal);
  const memory = cell.failures.filter((f) => f.mode === 'memory');
  t.diagnostic(`${memory.length} memory failure(s): ${String(memory[0]?.evidence.reason)} at ${memory[0]?.at.toFixed(0)} ms`);
  assert.ok(memory.length >= 1, `failures: ${JSON.stringify(cell.failures.map((f) => f.mode))}`);
  const first = memory[0]!;
  const live = Number(first.evidence.liveMemory);
  assert.ok(live > LIMIT, `live memory ${live}`);
  // Declared within 1.5 s of growth past the limit (the watch needs about 0.6 s: two forced collections
  // 250 ms apart, heartbeats every 50 ms); the growth slows with the machine as the bound's time stretches.
  assert.ok(live < LIMIT + 1.5 * RETAINED_PER_S, `declared at ${(live / MB).toFixed(1)} MB of live memory, more than 1.5 s of growth past the ${LIMIT / MB} MB limit`);
  assert.ok(Number(first.evidence.overLimitGcs) >= 2);
  assert.ok(Number(first.evidence.queuedBytes) > 24 * MB, `the broker held ${first.evidence.queuedBytes} bytes for its subscribers`);
  assert.deepEqual(first.faults.map((f) => f.description), ['timeout (closes when the far end does) on subscriber-1']);
  assert.ok(journal.filter((e) => e.t === 'instance-start').length >= 2, 'a fresh instance took the slot');
  assert.ok(cell.delivery.lostInFailures > 0, 'what the failed instance held is lost with it, and accounted for');
  assert.equal(cell.delivery.lost, 0);
});

test('disconnect: the dead subscriber is cut off at the hard limit, no failure, and queued bytes stay bounded', { timeout: 60_000 }, async (t) => {
  const hard = 2 * MB;
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
  assert.ok((cell.system.peakMemory ?? Infinity) < LIMIT);
  assert.equal(cell.delivery.lost, 0);
});

test('garbage is not a memory failure: a healthy broker whose buffers cross the limit between collections is never declared', { timeout: 60_000 }, async (t) => {
  // Both subscribers are healthy, and a `block` inbox of 256 messages (1 MB) each holds back the publishers
  // rather than queue more, even when this machine is too loaded for the subscribers to keep up: the broker
  // retains little. But every read and write leaves buffers behind, and V8 would let them pile up to
  // several times this limit before it collected on its own.
  const limit = 24 * MB;
  const scenario = brokerScenario({ ...DEAD, duration: '5s', 'failures.memoryLimit': '24MB', 'system.inbox': '{ kind: block, limit: { messages: 256 } }', faults: '[]' });
  const { journal } = await runBrokerCell(scenario);
  const cell = cellResults(scenario, journal);
  const peakMemory = cell.system.peakMemory ?? Number.NaN;
  const peakQueued = cell.system.peakQueuedBytes ?? Number.NaN;
  t.diagnostic(`memory in use at most ${(peakMemory / MB).toFixed(1)} MB, queued at most ${(peakQueued / MB).toFixed(1)} MB, limit ${limit / MB} MB`);
  assert.deepEqual(cell.failures, []);
  // Memory in use (garbage included) did go over the limit at heartbeats: each time, only what a full
  // collection left was judged.
  assert.ok(peakMemory > limit, `memory in use peaked at ${(peakMemory / MB).toFixed(1)} MB: the garbage never reached the limit`);
  assert.ok(peakQueued < limit / 4, `the broker held ${(peakQueued / MB).toFixed(1)} MB for its subscribers: it did not keep up, and retained`);
  assert.ok(cell.delivery.delivered > 0);
  assert.equal(cell.delivery.lost, 0);
});
