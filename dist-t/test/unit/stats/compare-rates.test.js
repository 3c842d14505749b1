import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareRates } from '../../../src/stats/compare-rates.js';
function assertClose(actual, expected, tolerance, what) {
    assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: expected ${expected} ± ${tolerance}, got ${actual}`);
}
test('10 failures against none in equal exposure: two-sided p = 2 · 0.5^10', () => {
    const c = compareRates({ failures: 10, exposure: 100 }, { failures: 0, exposure: 100 });
    assertClose(c.pTwoSided, 2 * 0.5 ** 10, 1e-12, 'two-sided');
    assertClose(c.pGreater, 0.5 ** 10, 1e-12, 'greater');
    assert.equal(c.pLess, 1);
    assert.equal(c.ratio, Infinity);
    assert.equal(c.ratioUpper, Infinity);
    // Clopper-Pearson lower bound for 10/10 at 95%: 0.025^(1/10); as a ratio p / (1 - p).
    const pL = 0.025 ** (1 / 10);
    assertClose(c.ratioLower, pL / (1 - pL), 1e-6, 'ratio lower');
    assert.ok(c.ratioLower > 1, 'significant at 5% two-sided, so the interval excludes 1');
});
test('equal rates give p = 1', () => {
    const c = compareRates({ failures: 5, exposure: 100 }, { failures: 5, exposure: 100 });
    assert.equal(c.pTwoSided, 1);
    assert.equal(c.ratio, 1);
    // Clopper-Pearson for 5/10 at 95% is [0.1870860, 0.8129140] (R binom.test).
    assertClose(c.ratioLower, 0.187086 / 0.812914, 1e-5, 'lower');
    assertClose(c.ratioUpper, 0.812914 / 0.187086, 1e-4, 'upper');
    const scaled = compareRates({ failures: 4, exposure: 200 }, { failures: 2, exposure: 100 });
    assert.equal(scaled.ratio, 1);
    assertClose(scaled.pTwoSided, 1, 1e-12, 'same rate, unequal exposure');
});
test('small n by hand from the binomial pmf, equal exposure: 3 against 1', () => {
    // n = 4, p0 = 1/2: pmf = [1, 4, 6, 4, 1] / 16; observed 3 (4/16).
    const c = compareRates({ failures: 3, exposure: 100 }, { failures: 1, exposure: 100 });
    assertClose(c.pTwoSided, 10 / 16, 1e-12, 'two-sided');
    assertClose(c.pGreater, 5 / 16, 1e-12, 'greater');
    assertClose(c.pLess, 15 / 16, 1e-12, 'less');
    assert.equal(c.ratio, 3);
});
test('small n by hand, unequal exposure: 2 in 100 h against 1 in 200 h', () => {
    // n = 3, p0 = 100 / 300 = 1/3: pmf = [8, 12, 6, 1] / 27; observed 2 (6/27).
    const c = compareRates({ failures: 2, exposure: 100 }, { failures: 1, exposure: 200 });
    assertClose(c.pTwoSided, 7 / 27, 1e-12, 'two-sided');
    assertClose(c.pGreater, 7 / 27, 1e-12, 'greater');
    assertClose(c.pLess, 26 / 27, 1e-12, 'less');
    assert.equal(c.ratio, 4);
    assert.equal(c.rateA, 0.02);
    assert.equal(c.rateB, 0.005);
    assert.ok(c.ratioLower < 4 && 4 < c.ratioUpper);
});
test('outcomes tied with the observed one in exact arithmetic count toward the two-sided p', () => {
    // n = 15, p0 = 1/4: P(X = 3) = P(X = 4), both the mode.
    const c = compareRates({ failures: 3, exposure: 100 }, { failures: 12, exposure: 300 });
    assert.equal(c.pTwoSided, 1);
});
test('no failures on one side or both', () => {
    const none = compareRates({ failures: 0, exposure: 10 }, { failures: 0, exposure: 50 });
    assert.equal(none.ratio, undefined);
    assert.deepEqual([none.pTwoSided, none.pGreater, none.pLess, none.ratioLower, none.ratioUpper], [1, 1, 1, 0, Infinity]);
    const onlyB = compareRates({ failures: 0, exposure: 100 }, { failures: 10, exposure: 100 });
    assert.equal(onlyB.ratio, 0);
    assert.equal(onlyB.ratioLower, 0);
    assertClose(onlyB.pLess, 0.5 ** 10, 1e-12, 'less');
    assertClose(onlyB.pTwoSided, 2 * 0.5 ** 10, 1e-12, 'two-sided');
    assert.ok(onlyB.ratioUpper < 1);
});
test('interval and test agree: a one-sided p below α/2 exactly when the interval excludes 1', () => {
    for (const [ra, rb] of [
        [8, 1],
        [7, 1],
        [9, 2],
        [12, 4],
        [1, 9],
        [20, 20],
    ]) {
        const c = compareRates({ failures: ra, exposure: 100 }, { failures: rb, exposure: 100 });
        assert.equal(c.pGreater < 0.025, c.ratioLower > 1, `${ra} vs ${rb} (greater)`);
        assert.equal(c.pLess < 0.025, c.ratioUpper < 1, `${ra} vs ${rb} (less)`);
    }
});
test('large counts stay finite and sensible', () => {
    const c = compareRates({ failures: 5000, exposure: 1000 }, { failures: 4000, exposure: 1000 });
    assert.ok(c.pTwoSided < 1e-20 && c.pTwoSided >= 0);
    assertClose(c.ratio ?? 0, 1.25, 1e-12, 'ratio');
    assert.ok(c.ratioLower > 1.19 && c.ratioUpper < 1.31);
});
test('bad inputs are refused', () => {
    assert.throws(() => compareRates({ failures: 1, exposure: 0 }, { failures: 1, exposure: 1 }), /A: exposure must be/);
    assert.throws(() => compareRates({ failures: 1, exposure: 1 }, { failures: -1, exposure: 1 }), /B: failures must be/);
    assert.throws(() => compareRates({ failures: 1, exposure: 1 }, { failures: 1, exposure: 1 }, 1.5), RangeError);
});
//# sourceMappingURL=compare-rates.test.js.map