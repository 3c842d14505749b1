import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRampFlag } from '../../../src/cli/ramp-flag.js';

test('--ramp: the short form, stages with and without a start rate, and every unit', () => {
  assert.deepEqual(parseRampFlag('0-2000/s:30s'), { startRate: 0, stages: [{ target: 2000, durationMs: 30_000 }] });
  assert.deepEqual(parseRampFlag('60-120/m:1m'), { startRate: 1, stages: [{ target: 2, durationMs: 60_000 }] });
  assert.deepEqual(parseRampFlag('100/s, 2000/s:30s, 2000/s:1m, 0/s:10s'), {
    startRate: 100,
    stages: [
      { target: 2000, durationMs: 30_000 },
      { target: 2000, durationMs: 60_000 },
      { target: 0, durationMs: 10_000 },
    ],
  });
  assert.deepEqual(parseRampFlag('500:2s'), { startRate: 0, stages: [{ target: 500, durationMs: 2000 }] }, 'a plain number is per second');
});

test('--ramp: a bad element is named, with what was expected', () => {
  assert.throws(() => parseRampFlag('fast'), /--ramp: expected at least one stage RATE:DURATION, got "fast"|--ramp: in "fast"/);
  assert.throws(() => parseRampFlag('100/s,200/s'), /--ramp: stage "200\/s" needs a duration, as RATE:DURATION/);
  assert.throws(() => parseRampFlag('0-200/s:soon'), /--ramp: in "0-200\/s:soon": .*duration/);
  assert.throws(() => parseRampFlag('200/s:0s'), /--ramp: in "200\/s:0s": expected a duration longer than 0/);
  assert.throws(() => parseRampFlag('0/s:10s'), /every rate is 0/);
});
