import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getHeapStatistics } from 'node:v8';
import { isolateCollector } from '../../../src/systems/isolation/collector.js';
import { RECLAIM_INTERVAL_WALL_MS, WorkerHealth } from '../../../src/systems/isolation/worker-health.js';

const PERIOD_MS = 50;
const STALL_MS = 300;

function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

test('a stall that holds back the sample itself is in that sample (the loop-delay histogram has not ticked yet)', { timeout: 10_000 }, async () => {
  const health = new WorkerHealth(PERIOD_MS);
  try {
    await new Promise((r) => setTimeout(r, PERIOD_MS));
    health.sample();
    // The stall, then the sample at once: the histogram's timer has had no chance to record it, and its
    // reset would forget it. The sample was due PERIOD_MS after the last and came STALL_MS late at least.
    busy(STALL_MS);
    const s = health.sample();
    assert.ok(s.loopDelayMaxMs >= STALL_MS - PERIOD_MS, `loop delay ${s.loopDelayMaxMs} ms for a ${STALL_MS} ms stall`);
    // Reported once: the next sample, on time, does not carry it again.
    await new Promise((r) => setTimeout(r, PERIOD_MS));
    const next = health.sample();
    assert.ok(next.loopDelayMaxMs < STALL_MS / 2, `the next sample still says ${next.loopDelayMaxMs} ms`);
  } finally {
    health.stop();
  }
});

test('a freeze (the pause fault) is left out of the loop delay, but a stall in the same stretch is not', { timeout: 10_000 }, async () => {
  const health = new WorkerHealth(PERIOD_MS);
  try {
    await new Promise((r) => setTimeout(r, PERIOD_MS));
    health.sample();
    const freeze = (): void => {
      const at = performance.now();
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, STALL_MS);
      health.frozeFor(performance.now() - at);
    };
    freeze();
    const frozen = health.sample();
    assert.ok(frozen.loopDelayMaxMs < STALL_MS / 2, `a ${STALL_MS} ms freeze read as ${frozen.loopDelayMaxMs} ms of loop delay`);
    await new Promise((r) => setTimeout(r, PERIOD_MS));
    health.sample();
    freeze();
    busy(STALL_MS);
    const both = health.sample();
    assert.ok(both.loopDelayMaxMs >= STALL_MS - PERIOD_MS, `a ${STALL_MS} ms stall after a freeze read as ${both.loopDelayMaxMs} ms`);
    assert.ok(both.loopDelayMaxMs < 2 * STALL_MS - PERIOD_MS, `the freeze was counted too: ${both.loopDelayMaxMs} ms`);
  } finally {
    health.stop();
  }
});

const MB = 2 ** 20;

/** This thread's memory in use now, garbage included: what the sampler compares with the limit. */
function inUse(): number {
  const h = getHeapStatistics();
  return h.used_heap_size + h.external_memory;
}

test('memory in use over the limit forces a full collection at once: what it freed is not live, what it retains is', { timeout: 10_000 }, async () => {
  let limit = 0;
  const health = new WorkerHealth(PERIOD_MS, () => limit);
  try {
    const first = health.sample();
    // 40 MB of buffers that survive two full collections (so they are in the old generation, which only a
    // full collection frees), then are dropped: garbage nothing but a full collection would free. The limit
    // leaves 24 MB of room above what the thread holds besides them.
    let buffers: Buffer[] | undefined = Array.from({ length: 40 }, () => Buffer.alloc(MB));
    const collector = isolateCollector();
    assert.ok(collector, 'V8 gave no collector');
    collector.full();
    collector.full();
    limit = inUse() - 40 * MB + 24 * MB;
    assert.equal(buffers.length, 40);
    buffers = undefined;
    const garbage = health.sample();
    assert.ok(garbage.memoryUsed > limit, `in use ${(garbage.memoryUsed / MB).toFixed(1)} MB, the limit ${(limit / MB).toFixed(1)} MB`);
    assert.ok(garbage.fullGcs > first.fullGcs, 'no collection was forced');
    // What the thread held besides the garbage (limit - 24 MB): the 40 MB freed are not counted.
    assert.ok(garbage.liveMemory < limit - 20 * MB, `live ${(garbage.liveMemory / MB).toFixed(1)} MB after collecting 40 MB of garbage`);

    // The next forced collection may come RECLAIM_INTERVAL_WALL_MS after this one.
    await new Promise((r) => setTimeout(r, RECLAIM_INTERVAL_WALL_MS));
    const kept = Array.from({ length: 40 }, () => Buffer.alloc(MB));
    const over = health.sample();
    assert.ok(over.fullGcs > garbage.fullGcs, 'no collection was forced');
    const grown = over.liveMemory - garbage.liveMemory;
    assert.ok(grown > 38 * MB && grown < 42 * MB, `live memory grew by ${(grown / MB).toFixed(1)} MB with 40 MB retained`);
    assert.ok(over.liveMemory > limit);
    // Still over, but a collection was forced just now: the next waits for RECLAIM_INTERVAL_WALL_MS.
    assert.equal(health.sample().fullGcs, over.fullGcs);
    assert.equal(kept.length, 40);
  } finally {
    health.stop();
  }
});

test('garbage that died young is reclaimed without a full collection', { timeout: 10_000 }, async () => {
  let limit = 0;
  const health = new WorkerHealth(PERIOD_MS, () => limit);
  try {
    const collector = isolateCollector();
    assert.ok(collector, 'V8 gave no collector');
    collector.full();
    const first = health.sample();
    limit = inUse() + 16 * MB;
    // 32 MB of message-sized buffers, dropped at once, as a broker's reads and writes leave them.
    for (let i = 0; i < 512; i++) Buffer.allocUnsafe(64 * 1024).fill(1);
    const s = health.sample();
    assert.ok(s.memoryUsed > limit, `in use ${(s.memoryUsed / MB).toFixed(1)} MB, the limit ${(limit / MB).toFixed(1)} MB`);
    assert.equal(s.fullGcs, first.fullGcs, 'a full collection was forced for garbage the young one frees');
    assert.ok(inUse() < limit - 8 * MB, `in use ${(inUse() / MB).toFixed(1)} MB after the young collection`);
  } finally {
    health.stop();
  }
});
