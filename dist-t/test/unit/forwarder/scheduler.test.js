import assert from 'node:assert/strict';
import { once, EventEmitter } from 'node:events';
import { test } from 'node:test';
import { ScaledClock } from '../../../src/core/clock.js';
import { Random } from '../../../src/core/random.js';
import { Chunk } from '../../../src/systems/forwarder/chunk.js';
import { Scheduler } from '../../../src/systems/forwarder/scheduler.js';
/** Drives a Scheduler with flushes that take `flushMs` wall ms and answer from `answer`. */
function harness(kind, answer, retryLimit = 1) {
    const events = new EventEmitter();
    const log = [];
    let concurrent = 0;
    let maxConcurrent = 0;
    const attempts = new Map();
    const clock = new ScaledClock(1);
    const s = new Scheduler({ kind, workers: 1, base: 5, cap: 20, retryLimit }, {
        flush: async (c) => {
            concurrent += 1;
            maxConcurrent = Math.max(maxConcurrent, concurrent);
            const n = (attempts.get(c.id) ?? 0) + 1;
            attempts.set(c.id, n);
            log.push(`start ${c.id}`);
            await new Promise((r) => setTimeout(r, 10));
            concurrent -= 1;
            return answer(c, n);
        },
        done: (c, result) => {
            log.push(`${result} ${c.id}`);
            events.emit('done', c.id);
        },
        retrying: (c) => log.push(`retry ${c.id}`),
    }, clock, new Random(1));
    const chunks = (ids) => ids.map((id) => new Chunk(id));
    const waitDone = async (n) => {
        for (let i = 0; i < n; i++)
            await once(events, 'done');
    };
    return { s, log, chunks, waitDone, max: () => maxConcurrent, attempts };
}
test('sync-minimal flushes one chunk at a time, back to back, in order', async () => {
    const h = harness('sync-minimal', () => 'ok');
    h.s.tick(h.chunks([1, 2, 3, 4]));
    await h.waitDone(4);
    assert.equal(h.max(), 1);
    assert.deepEqual(h.log.filter((l) => l.startsWith('ok')), ['ok 1', 'ok 2', 'ok 3', 'ok 4']);
    assert.equal(h.s.busy, false);
});
test('async flushes every ready chunk concurrently', async () => {
    const h = harness('async', () => 'ok');
    h.s.tick(h.chunks([1, 2, 3, 4]));
    await h.waitDone(4);
    assert.equal(h.max(), 4);
});
test('sync-legacy starts at most one chunk per flush tick, and none while one is in flight', async () => {
    const h = harness('sync-legacy', () => 'ok');
    h.s.tick(h.chunks([1, 2, 3]));
    h.s.tick([]); // in flight: skipped
    assert.deepEqual(h.log, ['start 1']);
    await h.waitDone(1);
    assert.equal(h.s.pending, 2, 'nothing starts until the next tick');
    h.s.tick([]);
    await h.waitDone(1);
    h.s.tick([]);
    await h.waitDone(1);
    assert.deepEqual(h.log.filter((l) => l.startsWith('ok')), ['ok 1', 'ok 2', 'ok 3']);
});
test('a chunk is retried up to the retry limit, then dropped', async () => {
    const h = harness('sync-minimal', () => 'retry', 2);
    h.s.tick(h.chunks([7]));
    await h.waitDone(1);
    assert.equal(h.attempts.get(7), 3, 'the first attempt and two retries');
    assert.deepEqual(h.log.filter((l) => !l.startsWith('start')), ['retry 7', 'retry 7', 'dropped 7']);
});
test('a permanent error drops the chunk without retrying', async () => {
    const h = harness('async', () => 'error', 5);
    h.s.tick(h.chunks([1]));
    await h.waitDone(1);
    assert.equal(h.attempts.get(1), 1);
});
test('unlimited retries keep going until the flush succeeds', async () => {
    const h = harness('sync-minimal', (_c, n) => (n < 6 ? 'retry' : 'ok'), null);
    h.s.tick(h.chunks([1]));
    await h.waitDone(1);
    assert.equal(h.attempts.get(1), 6);
    assert.ok(h.log.includes('ok 1'));
});
test('sync-minimal moves on to the next chunk while a retry waits out its backoff', async () => {
    const h = harness('sync-minimal', (c, n) => (c.id === 1 && n === 1 ? 'retry' : 'ok'), 3);
    h.s.tick(h.chunks([1, 2]));
    await h.waitDone(2);
    assert.deepEqual(h.log.filter((l) => l.startsWith('ok')), ['ok 2', 'ok 1']);
    assert.equal(h.max(), 1);
});
//# sourceMappingURL=scheduler.test.js.map