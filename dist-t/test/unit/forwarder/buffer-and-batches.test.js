import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random } from '../../../src/core/random.js';
import { fullJitterBackoff } from '../../../src/systems/forwarder/backoff.js';
import { MemoryBuffer } from '../../../src/systems/forwarder/buffer.js';
import { Chunk, HEADROOM } from '../../../src/systems/forwarder/chunk.js';
import { BATCH_MAX_BYTES, BATCH_MAX_EVENTS, EVENT_OVERHEAD_BYTES, splitBatches } from '../../../src/systems/forwarder/cloudwatch-output.js';
test('the buffer closes chunks at chunkSize and at a flush, and counts held bytes until release', () => {
    const b = new MemoryBuffer(1000, 100);
    for (let i = 0; i < 25; i++)
        b.append(i, i, 'x'.repeat(10));
    const ready = b.takeReady();
    assert.deepEqual(ready.map((c) => c.seqs.length), [10, 10, 5]);
    assert.equal(b.used, 250);
    assert.equal(b.full, false);
    b.release(ready[0], 'delivered');
    assert.equal(b.used, 150);
    assert.deepEqual([...b.heldSeqs()].sort((x, y) => x - y), Array.from({ length: 15 }, (_, i) => i + 10));
    b.release(ready[1], 'dropped');
    b.release(ready[2], 'delivered');
    assert.equal(b.empty, true);
});
test('a chunk is sized after the last one, and one closed early gives back the room it did not use', () => {
    const b = new MemoryBuffer(64 * 2 ** 20, 512 * 1024);
    for (let i = 0; i < 6000; i++)
        b.append(i, i, 'x'.repeat(200));
    const [first, second] = b.takeReady();
    assert.ok(first.bytes >= 512 * 1024 && second.bytes >= 512 * 1024);
    // The first grew to fit; the second started with room for as much as the first, and needed no more.
    assert.ok(second.capacity >= first.encodedBytes);
    assert.ok(second.capacity < 1.2 * (second.encodedBytes + HEADROOM), `capacity ${second.capacity}`);
    // The input slows down: the chunk open at the next flush holds far less than the room it started with.
    for (let i = 0; i < 100; i++)
        b.append(i, i, 'x'.repeat(200));
    const [early] = b.takeReady();
    assert.ok(early.capacity < 2 * (early.encodedBytes + HEADROOM), `capacity ${early.capacity} for ${early.encodedBytes} bytes`);
});
test('the buffer is full at its memory limit, in-flight chunks included', () => {
    const b = new MemoryBuffer(100, 40);
    for (let i = 0; i < 10; i++)
        b.append(i, i, 'x'.repeat(10));
    assert.equal(b.full, true);
    const ready = b.takeReady();
    assert.equal(b.full, true, 'taking chunks for flushing does not free memory');
    b.release(ready[0], 'delivered');
    assert.equal(b.full, false);
});
test('full-jitter backoff stays within [base, min(base * 2^n, cap)]', () => {
    const r = new Random(7);
    for (let n = 0; n < 12; n++) {
        for (let k = 0; k < 200; k++) {
            const w = fullJitterBackoff(n, 5, 2000, r);
            assert.ok(w >= 5 && w <= Math.min(5 * 2 ** n, 2000), `attempt ${n}: ${w}`);
        }
    }
    assert.equal(fullJitterBackoff(0, 5, 2000, r), 5);
});
test('batches respect the byte limit with 26 bytes per event, the event count and the 24h span', () => {
    const c = new Chunk(1);
    const big = 'y'.repeat(100_000 - EVENT_OVERHEAD_BYTES);
    for (let i = 0; i < 25; i++) {
        c.append(i, i, big);
    }
    const bySize = splitBatches(c);
    assert.deepEqual(bySize.map((b) => b.to - b.from), [10, 10, 5]);
    for (const b of bySize)
        assert.ok((b.to - b.from) * 100_000 <= BATCH_MAX_BYTES);
    const many = new Chunk(2);
    for (let i = 0; i < 25_000; i++) {
        many.append(i, i, 'm');
    }
    assert.deepEqual(splitBatches(many).map((b) => b.to - b.from), [BATCH_MAX_EVENTS, BATCH_MAX_EVENTS, 5000]);
    const span = new Chunk(3);
    for (const [i, t] of [0, 3600_000, 24 * 3600_000 + 1, 25 * 3600_000].entries()) {
        span.append(i, t, 'm');
    }
    assert.deepEqual(splitBatches(span), [{ from: 0, to: 2 }, { from: 2, to: 4 }]);
});
//# sourceMappingURL=buffer-and-batches.test.js.map