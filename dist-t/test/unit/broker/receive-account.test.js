import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReceiveAccount } from '../../../src/systems/broker/receive-account.js';
import { SlotPool } from '../../../src/systems/broker/slot-pool.js';
test('in-order delivery: no gaps, duplicates or reordering', () => {
    const a = new ReceiveAccount();
    for (let s = 0; s < 1000; s++)
        assert.equal(a.receive(s), true);
    assert.deepEqual(a.counts(), { delivered: 1000, duplicates: 0, reordered: 0, gaps: 0, highest: 999 });
});
test('duplicates, reordering and holes are counted', () => {
    const a = new ReceiveAccount();
    for (const s of [0, 1, 3, 2, 2, 6, 0])
        a.receive(s);
    assert.deepEqual(a.counts(), { delivered: 5, duplicates: 2, reordered: 1, gaps: 2, highest: 6 });
});
test('holes stay counted once they leave the window; memory stays bounded', () => {
    const a = new ReceiveAccount();
    for (let s = 0; s < 300_000; s++)
        if (s % 1000 !== 999)
            a.receive(s);
    // The last hole (299 999) is above the highest seq received: not a gap yet.
    assert.deepEqual(a.counts(), { delivered: 299_700, duplicates: 0, reordered: 0, gaps: 299, highest: 299_998 });
    a.receive(10_000_000);
    assert.equal(a.counts().gaps, 10_000_000 + 1 - 299_701);
    a.receive(5);
    assert.equal(a.counts().duplicates, 1, 'older than the window: taken for a duplicate');
});
test('a slot pool is bounded, releases in any order and knows its oldest slot', () => {
    const pool = new SlotPool(2);
    const a = pool.acquire('a', 10);
    pool.acquire('b', 20);
    assert.equal(pool.free, 0);
    assert.throws(() => pool.acquire('c', 30), /no free slot/);
    assert.equal(pool.oldest()?.tag, 'a');
    pool.release(a);
    assert.equal(pool.oldest()?.since, 20);
    assert.equal(pool.releaseOldest()?.tag, 'b');
    assert.equal(pool.used, 0);
    assert.throws(() => new SlotPool(0), /at least one slot/);
});
test('the receive window keeps exactly its last `window` seqs', () => {
    const a = new ReceiveAccount(8);
    for (const s of [0, 1, 2, 4, 5, 6, 7, 9, 10])
        a.receive(s); // window now 3..10
    assert.equal(a.receive(3), true, 'the window start is still judged: a first delivery');
    assert.equal(a.receive(2), false, 'before the window: taken for a duplicate');
    assert.deepEqual(a.counts(), { delivered: 10, duplicates: 1, reordered: 1, gaps: 1, highest: 10 });
    assert.ok(a.bytes <= 8);
});
//# sourceMappingURL=receive-account.test.js.map