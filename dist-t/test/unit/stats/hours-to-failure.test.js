import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demonstrationHours, hoursFromMs, hoursToFailure, HTF_DEFINITIONS, htfLowerBound, htfUpperBound, } from '../../../src/stats/hours-to-failure.js';
function assertClose(actual, expected, tolerance, what) {
    assert.ok(actual !== undefined && Math.abs(actual - expected) <= tolerance, `${what}: expected ${expected} ± ${tolerance}, got ${actual}`);
}
test('domain.md §5 worked examples: 960 h with no failure', () => {
    // 40 tasks × 24 h. The bounds are also T / -ln(α): 960 / ln 10 and 960 / ln 2.
    assertClose(htfLowerBound(960, 0, 0.9), 417, 0.5, '90%');
    assertClose(htfLowerBound(960, 0, 0.9), 960 / Math.log(10), 1e-6, '90% exact');
    assertClose(htfLowerBound(960, 0, 0.5), 1385, 0.5, '50%');
    assertClose(htfLowerBound(960, 0, 0.5), 960 / Math.log(2), 1e-6, '50% exact');
});
test('domain.md §5 worked examples: 3500 h with no failure gives 1520 h at 90%', () => {
    assertClose(htfLowerBound(3500, 0, 0.9), 1520, 0.5, '90%');
    assertClose(htfLowerBound(3500, 0, 0.9), 1520.0307, 1e-3, '90% exact');
});
test('domain.md §5 worked examples: 2400 h with 12 failures', () => {
    const htf = hoursToFailure(2400, 12, 0.9);
    assert.equal(htf.estimate, 200);
    assert.equal(htf.censored, false);
    // 4800 / chi2.ppf(0.9, 26) = 4800 / 35.563171 (scipy)
    assertClose(htf.lower, 135, 0.5, 'lower');
    assertClose(htf.lower, 134.97109, 1e-3, 'lower exact');
    // 4800 / chi2.ppf(0.1, 24) = 4800 / 15.658684 (scipy)
    assertClose(htf.upper, 306.5392, 1e-3, 'upper');
});
test('zero-failure identity: θ_L = T / (−ln α) at any confidence', () => {
    for (const T of [1, 24, 960, 3500, 1e6]) {
        for (const confidence of [0.5, 0.8, 0.9, 0.95, 0.99, 0.999]) {
            const expected = T / -Math.log(1 - confidence);
            assertClose(htfLowerBound(T, 0, confidence), expected, expected * 1e-9, `T=${T} c=${confidence}`);
        }
    }
});
test('the seed figure: T / max(r, 1), censored only when nothing failed', () => {
    assert.deepEqual(hoursToFailure(3500, 0), {
        exposureHours: 3500,
        failures: 0,
        confidence: 0.95,
        estimate: 3500,
        censored: true,
        lower: htfLowerBound(3500, 0, 0.95),
        upper: undefined,
    });
    assert.equal(hoursToFailure(80, 1).estimate, 80);
    assert.equal(hoursToFailure(80, 1).censored, false);
    assert.equal(hoursToFailure(0.16, 2).estimate, 0.08);
    assert.equal(hoursToFailure(0, 0).lower, 0);
});
test('bounds bracket the estimate and tighten with confidence falling', () => {
    for (const r of [1, 2, 5, 30]) {
        const htf = hoursToFailure(1000, r, 0.9);
        assert.ok(htf.lower < htf.estimate && htf.estimate < (htf.upper ?? 0), `r=${r}`);
        assert.ok(htfLowerBound(1000, r, 0.99) < htfLowerBound(1000, r, 0.9));
    }
    assert.equal(htfUpperBound(1000, 0, 0.9), undefined);
});
test('demonstration time: θ₀ · χ²(1−α; 2f+2) / 2, the inverse of the lower bound', () => {
    assertClose(demonstrationHours(1000, 0.9), 1000 * Math.log(10), 1e-6, 'f = 0');
    for (const f of [0, 1, 3, 10]) {
        for (const confidence of [0.8, 0.9, 0.95]) {
            const T = demonstrationHours(500, confidence, f);
            assertClose(htfLowerBound(T, f, confidence), 500, 1e-6, `f=${f} c=${confidence}`);
        }
    }
    assert.ok(demonstrationHours(500, 0.9, 2) > demonstrationHours(500, 0.9, 0));
});
test('bad inputs are refused', () => {
    assert.throws(() => htfLowerBound(-1, 0), RangeError);
    assert.throws(() => htfLowerBound(Number.NaN, 0), RangeError);
    assert.throws(() => htfLowerBound(10, 1.5), RangeError);
    assert.throws(() => htfLowerBound(10, -1), RangeError);
    assert.throws(() => htfLowerBound(10, 0, 1), /confidence must be between 0 and 1/);
    assert.throws(() => htfUpperBound(10, 0, 0), RangeError);
    assert.throws(() => demonstrationHours(0), RangeError);
    assert.throws(() => demonstrationHours(10, 0.9, -1), RangeError);
});
test('units and definitions', () => {
    assert.equal(hoursFromMs(7_200_000), 2);
    for (const key of ['exposure', 'failures', 'htf', 'htf_lower', 'htf_upper'])
        assert.ok(HTF_DEFINITIONS[key].length > 20);
    assert.match(HTF_DEFINITIONS.htf_lower, /2T \/ chi2\(confidence; 2r \+ 2\)/);
});
//# sourceMappingURL=hours-to-failure.test.js.map