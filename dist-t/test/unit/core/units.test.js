import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration, formatRate, formatSize, parseDuration, parseRate, parseSize, UnitError } from '../../../src/core/units.js';
test('durations: every unit, decimals and compounds resolve to ms', () => {
    const cases = [
        ['500ms', 500],
        ['10s', 10_000],
        ['2m', 120_000],
        ['2h', 7_200_000],
        ['1d', 86_400_000],
        ['1.5s', 1500],
        ['0.5ms', 0.5],
        ['1h30m', 5_400_000],
        ['2m30s', 150_000],
        ['5ms', 5],
        ['0s', 0],
        [0, 0],
    ];
    for (const [input, ms] of cases)
        assert.equal(parseDuration(input), ms, String(input));
});
test('durations: bad forms are refused with what was expected and what was given', () => {
    assert.throws(() => parseDuration('10 sec'), { name: 'UnitError', message: 'expected a duration such as 500ms, 10s or 2h, got "10 sec"' });
    for (const bad of ['10', '10S', 's', '1h30', '-1s', '10 s', '', '1.s', 'ten seconds']) {
        assert.throws(() => parseDuration(bad), UnitError, bad);
    }
    assert.throws(() => parseDuration(500), /got 500: a duration needs a unit \(500ms\? 500s\?\); only 0 may go without one/);
    assert.throws(() => parseDuration('500'), /got "500": a duration needs a unit/);
});
test('rates: per second, per minute, per hour and plain numbers resolve to per second', () => {
    assert.equal(parseRate('2000/s'), 2000);
    assert.equal(parseRate('120/m'), 2);
    assert.equal(parseRate('10/h'), 10 / 3600);
    assert.equal(parseRate('0.5/s'), 0.5);
    assert.equal(parseRate(5), 5);
    assert.equal(parseRate(0), 0);
});
test('rates: bad forms are refused', () => {
    assert.throws(() => parseRate('fast'), { message: 'expected a rate such as 2000/s, 120/m or 10/h, got "fast"' });
    for (const bad of ['2000', '2000/d', '2000 /s', '/s', '2000/sec'])
        assert.throws(() => parseRate(bad), UnitError, bad);
    assert.throws(() => parseRate(-1), /a plain number is per second and must be 0 or more\), got -1/);
});
test('sizes: 1024-based like Fluent Bit, KiB forms, case-insensitive units, plain bytes', () => {
    const cases = [
        ['200B', 200],
        ['200b', 200],
        ['64KB', 64 * 1024],
        ['64K', 64 * 1024],
        ['64kb', 64 * 1024],
        ['64KiB', 64 * 1024],
        ['64MB', 64 * 1024 * 1024],
        ['64M', 64 * 1024 * 1024],
        ['64MiB', 64 * 1024 * 1024],
        ['1GB', 1024 ** 3],
        ['1GiB', 1024 ** 3],
        ['1TB', 1024 ** 4],
        ['1.5KB', 1536],
        [4096, 4096],
        [0, 0],
    ];
    for (const [input, bytes] of cases)
        assert.equal(parseSize(input), bytes, String(input));
});
test('sizes: bad forms are refused', () => {
    assert.throws(() => parseSize('64 MB'), { message: 'expected a size such as 200B, 64KB or 64MB, got "64 MB"' });
    for (const bad of ['64', 'MB', '64XB', '64iB', '-1B', '64Mb/s'])
        assert.throws(() => parseSize(bad), UnitError, bad);
    assert.throws(() => parseSize(1.5), /whole number/);
    assert.throws(() => parseSize(-1), UnitError);
});
test('formatDuration picks the largest exact unit, else a compound that parses back', () => {
    assert.equal(formatDuration(7_200_000), '2h');
    assert.equal(formatDuration(1500), '1.5s');
    assert.equal(formatDuration(500), '500ms');
    assert.equal(formatDuration(0), '0s');
    assert.equal(formatDuration(86_400_000), '1d');
    assert.equal(formatDuration(5_400_000), '1.5h');
    assert.equal(formatDuration(100_000), '1m40s');
    assert.equal(formatDuration(3_723_456), '1h2m3.456s');
    assert.equal(formatDuration(0.25), '0.25ms');
    assert.equal(formatDuration(-1500), '-1.5s');
    for (const ms of [1, 999, 1001, 61_000, 100_000, 3_723_456, 90_061_001, 7_200_000]) {
        assert.equal(parseDuration(formatDuration(ms)), ms, `round trip of ${ms}`);
    }
});
test('formatSize and formatRate', () => {
    assert.equal(formatSize(64 * 1024 * 1024), '64MB');
    assert.equal(formatSize(1536), '1.5KB');
    assert.equal(formatSize(200), '200B');
    assert.equal(formatSize(0), '0B');
    assert.equal(formatSize(1e9), '953.67MB');
    assert.equal(parseSize(formatSize(512 * 1024)), 512 * 1024);
    assert.equal(formatRate(5), '5/s');
    assert.equal(formatRate(2000), '2000/s');
    assert.equal(formatRate(0.5), '0.5/s');
    assert.equal(formatRate(2 / 60), '2/m');
    assert.equal(formatRate(10 / 3600), '10/h');
});
//# sourceMappingURL=units.test.js.map