import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateThresholds, formatSelector } from '../../../src/stats/thresholds.js';
import { parseThreshold } from '../../../src/stats/thresholds-parser.js';
function thresholds(...texts) {
    return texts.map((text) => {
        const result = parseThreshold(text);
        if (!result.ok)
            assert.fail(result.message);
        return result.threshold;
    });
}
/** Two cells, variant=patch and variant=base; no selector means the whole run. */
const cells = {
    patch: { htf: 3500, htf_lower: 1520, failures: 0, p99: 1800, 'p99.9': 2600, lost: 0, delivered_ratio: 1 },
    base: { htf: 80, htf_lower: 34.2, failures: 3, p99: 2400, lost: 12, delivered_ratio: 0.9995 },
};
const lookup = (metric, selector) => {
    if (selector.mode !== undefined)
        return metric === 'failures' && selector.mode === 'hang' && selector.variant === 'base' ? 2 : undefined;
    if (selector.variant === undefined)
        return metric === 'lost' ? 12 : metric === 'duplicated' ? 4 : undefined;
    return cells[selector.variant]?.[metric];
};
test('passing and failing thresholds, with what was measured and why', () => {
    const results = evaluateThresholds(thresholds('htf_lower{variant=patch} > 100h', 'htf_lower{variant=base} > 100h', 'p99{variant=patch} < 2s', 'p99{variant=base} < 2s', 'lost == 0', 'duplicated <= 10', 'delivered_ratio{variant=base} >= 99.99%', 'failures{mode=hang,variant=base} == 0'), lookup);
    assert.deepEqual(results, [
        { expression: 'htf_lower{variant=patch} > 100h', measured: 1520, passed: true },
        { expression: 'htf_lower{variant=base} > 100h', measured: 34.2, passed: false, reason: 'measured 34h, needs > 100h' },
        { expression: 'p99{variant=patch} < 2s', measured: 1800, passed: true },
        { expression: 'p99{variant=base} < 2s', measured: 2400, passed: false, reason: 'measured 2.4s, needs < 2s' },
        { expression: 'lost == 0', measured: 12, passed: false, reason: 'measured 12, needs == 0' },
        { expression: 'duplicated <= 10', measured: 4, passed: true },
        { expression: 'delivered_ratio{variant=base} >= 99.99%', measured: 0.9995, passed: false, reason: 'measured 0.9995, needs >= 0.9999' },
        { expression: 'failures{mode=hang,variant=base} == 0', measured: 2, passed: false, reason: 'measured 2, needs == 0' },
    ]);
});
test('no measurement is a failure, never a pass', () => {
    const results = evaluateThresholds(thresholds('htf{variant=x} > 1h', 'p99 < 2s', 'htf{mode=crash,variant=patch} >= 0'), lookup);
    assert.deepEqual(results, [
        { expression: 'htf{variant=x} > 1h', measured: undefined, passed: false, reason: 'no cell matches {variant=x}' },
        { expression: 'p99 < 2s', measured: undefined, passed: false, reason: 'nothing measured for p99' },
        { expression: 'htf{mode=crash,variant=patch} >= 0', measured: undefined, passed: false, reason: 'no cell matches {mode=crash,variant=patch}' },
    ]);
    const [nan] = evaluateThresholds(thresholds('lost == 0'), () => Number.NaN);
    assert.equal(nan?.passed, false);
    assert.equal(nan?.reason, 'lost is not a number');
});
test('values that round alike are shown precisely', () => {
    const [result] = evaluateThresholds(thresholds('htf_lower > 100h'), () => 99.7);
    assert.equal(result?.reason, 'measured 99.7h, needs > 100h');
});
test('boundaries compare exactly in the metric unit', () => {
    const at = (value) => () => value;
    assert.equal(evaluateThresholds(thresholds('htf >= 50h'), at(50))[0]?.passed, true);
    assert.equal(evaluateThresholds(thresholds('htf > 50h'), at(50))[0]?.passed, false);
    assert.equal(evaluateThresholds(thresholds('htf > 2d'), at(48.5))[0]?.passed, true);
    assert.equal(evaluateThresholds(thresholds('p99.9 <= 500ms'), at(500))[0]?.passed, true);
    assert.equal(evaluateThresholds(thresholds('reordered != 0'), at(0))[0]?.passed, false);
    assert.deepEqual(evaluateThresholds([], at(0)), []);
});
test('selectors render as written', () => {
    assert.equal(formatSelector({}), '');
    assert.equal(formatSelector({ mode: 'hang', variant: 'patch' }), '{mode=hang,variant=patch}');
});
//# sourceMappingURL=thresholds.test.js.map