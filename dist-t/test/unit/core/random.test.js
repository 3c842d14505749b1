import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random, deriveSeed } from '../../../src/core/random.js';
test('the same seed gives the same sequence; another seed another', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const sa = Array.from({ length: 20 }, () => a.nextUint32());
    const sb = Array.from({ length: 20 }, () => b.nextUint32());
    const sc = Array.from({ length: 20 }, () => c.nextUint32());
    assert.deepEqual(sa, sb);
    assert.notDeepEqual(sa, sc);
});
test('uniform values cover [0, 1) evenly and exponential has the right mean', () => {
    const r = new Random(1);
    const bins = new Array(10).fill(0);
    let sum = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
        const x = r.next();
        assert.ok(x >= 0 && x < 1);
        bins[Math.floor(x * 10)] += 1;
        sum += r.exponential(20);
    }
    for (const b of bins)
        assert.ok(Math.abs(b - n / 10) < n / 100, `bin ${b}`);
    assert.ok(Math.abs(sum / n - 20) < 0.5, `mean ${sum / n}`);
});
test('derived seeds are stable and differ by label', () => {
    assert.equal(deriveSeed(1, 'instance', 3), deriveSeed(1, 'instance', 3));
    assert.notEqual(deriveSeed(1, 'instance', 3), deriveSeed(1, 'instance', 4));
    assert.notEqual(deriveSeed(1, 'instance', 3), deriveSeed(2, 'instance', 3));
});
//# sourceMappingURL=random.test.js.map