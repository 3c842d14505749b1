import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentHash, dealSlots, parseShard } from '../../../src/core/shard.js';
import { resolveShard } from '../../../src/cli/flags.js';
import { InputError } from '../../../src/core/errors.js';
test('slots are dealt round robin, slot by slot across the cells: even shares, whole cells when they divide', () => {
    // 3 cells of 2, 3 and 1 slots (6 units: c0s0 c1s0 c2s0 c0s1 c1s1 c1s2) over 4 shards.
    assert.deepEqual(dealSlots([2, 3, 1], { index: 1, count: 4 }), [[0], [1], []]);
    assert.deepEqual(dealSlots([2, 3, 1], { index: 2, count: 4 }), [[], [0, 2], []]);
    assert.deepEqual(dealSlots([2, 3, 1], { index: 3, count: 4 }), [[], [], [0]]);
    assert.deepEqual(dealSlots([2, 3, 1], { index: 4, count: 4 }), [[1], [], []]);
    // 4 cells of 3 over 2 shards: whole cells 0 and 2 to shard 1, 1 and 3 to shard 2.
    assert.deepEqual(dealSlots([3, 3, 3, 3], { index: 1, count: 2 }), [[0, 1, 2], [], [0, 1, 2], []]);
    // Every slot once over the shards, and shares differ by one slot at most.
    for (const [cells, n] of [[[5, 1, 7], 3], [[1], 4], [[10, 10], 7]]) {
        const shares = Array.from({ length: n }, (_, i) => dealSlots(cells, { index: i + 1, count: n }));
        cells.forEach((slots, c) => assert.deepEqual(shares.flatMap((s) => s[c]).sort((a, b) => a - b), Array.from({ length: slots }, (_, i) => i)));
        const sizes = shares.map((s) => s.flat().length);
        assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `shares ${sizes.join(', ')}`);
    }
    assert.deepEqual(dealSlots([2, 1], undefined), [[0, 1], [0]]);
});
test('--shard I/N counts from 1; JOB_COMPLETION_INDEX counts from 0; DURESS_SHARD as a fallback', () => {
    assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
    assert.match(String(parseShard('0/4')), /expected I from 1 to 4 \(shards count from 1: 1\/4 is the first\), got "0\/4"/);
    assert.match(String(parseShard('5/4')), /from 1 to 4/);
    assert.match(String(parseShard('two')), /expected I\/N/);
    assert.deepEqual(resolveShard({ shardCount: 4 }, { JOB_COMPLETION_INDEX: '0' }), { index: 1, count: 4 });
    assert.deepEqual(resolveShard({ shardCount: 4 }, { JOB_COMPLETION_INDEX: '3' }), { index: 4, count: 4 });
    assert.throws(() => resolveShard({ shardCount: 4 }, { JOB_COMPLETION_INDEX: '4' }), (e) => e instanceof InputError && /from 0 to 3/.test(e.message));
    assert.throws(() => resolveShard({ shardCount: 4 }, {}), /JOB_COMPLETION_INDEX is not set/);
    assert.throws(() => resolveShard({ shard: { index: 1, count: 2 }, shardCount: 2 }, {}), /give one of them/);
    assert.deepEqual(resolveShard({}, { DURESS_SHARD: '3/8' }), { index: 3, count: 8 });
    assert.throws(() => resolveShard({}, { DURESS_SHARD: '9/8' }), /DURESS_SHARD: expected I from 1 to 8/);
    assert.equal(resolveShard({}, {}), undefined);
});
test('the content hash ignores key order and tells values apart', () => {
    assert.equal(contentHash({ a: 1, b: { c: [1, 2] } }), contentHash({ b: { c: [1, 2] }, a: 1 }));
    assert.notEqual(contentHash({ a: 1 }), contentHash({ a: 2 }));
    assert.notEqual(contentHash({ a: [1, 2] }), contentHash({ a: [2, 1] }));
});
//# sourceMappingURL=shard.test.js.map