import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatConfidence, formatHours, formatHtf, formatHtfBound } from '../../../src/stats/format-htf.js';
import { hoursToFailure } from '../../../src/stats/hours-to-failure.js';
test('hours: two significant digits below 1 h, one decimal below 10 h, whole hours above', () => {
    const cases = [
        [0, '0h'],
        [0.08, '0.08h'],
        [1 / 12, '0.083h'],
        [0.0049, '0.0049h'],
        [0.996, '1h'],
        [1, '1h'],
        [2.54, '2.5h'],
        [9.96, '10h'],
        [80.4, '80h'],
        [1519.98, '1520h'],
        [3500, '3500h'],
        [Infinity, '∞h'],
    ];
    for (const [hours, text] of cases)
        assert.equal(formatHours(hours), text, String(hours));
});
test('the seed figure: "+" when nothing failed, "~" otherwise', () => {
    assert.equal(formatHtf(hoursToFailure(3500, 0)), '+3500h');
    assert.equal(formatHtf(hoursToFailure(160, 2)), '~80h');
    assert.equal(formatHtf(hoursToFailure(2000, 1)), '~2000h');
    assert.equal(formatHtf(hoursToFailure(0.16, 2)), '~0.08h');
});
test('bounds with their confidence', () => {
    assert.equal(formatHtfBound(hoursToFailure(3500, 0, 0.9)), '≥ 1520h (90%)');
    assert.equal(formatHtfBound(hoursToFailure(2400, 12, 0.9)), '≥ 135h (90%)');
    assert.equal(formatHtfBound(hoursToFailure(2400, 12, 0.9), 'upper'), '≤ 307h (90%)');
    assert.equal(formatHtfBound(hoursToFailure(2400, 0, 0.9), 'upper'), undefined);
    assert.equal(formatConfidence(0.95), '95%');
    assert.equal(formatConfidence(0.995), '99.5%');
});
//# sourceMappingURL=format-htf.test.js.map