import assert from 'node:assert/strict';
import { test } from 'node:test';
import { faultImpacts } from '../../../src/report/fault-impact.js';
import type { FaultRecord, IntervalPoint } from '../../../src/results/results.js';

function point(at: number, p99: number, rate: number, failed: number, failures: number): IntervalPoint {
  return { at, deliveredPerSecond: rate, p50: p99 / 2, p99, max: p99, failures, exposureHours: 0, requests: 10, requestsFailed: failed, rss: 0, maxInstanceMemory: 0 };
}

const overTime = [point(10_000, 100, 50, 0, 0), point(20_000, 120, 50, 0, 0), point(30_000, 900, 10, 7, 0), point(40_000, 1500, 0, 9, 1), point(50_000, 110, 80, 0, 1)];
const fault = (start: number, end: number | undefined): FaultRecord => ({ id: 'latency#1/1', kind: 'latency', slots: [0], start, end, description: 'latency 300ms' });

test('a fault is tied to the intervals it overlaps: before versus during', () => {
  const [f] = faultImpacts([fault(21_000, 39_000)], overTime);
  assert.equal(f!.p99Before, 120);
  assert.equal(f!.p99During, 1500, 'the worst interval during the fault');
  assert.equal(f!.deliveredPerSecondBefore, 50);
  assert.equal(f!.deliveredPerSecondDuring, 5);
  assert.equal(f!.failedRequestsDuring, 16);
  assert.equal(f!.failuresDuring, 1);
});

test('a fault still active at the end runs to the last interval; one before any interval has no "before"', () => {
  const [open, early] = faultImpacts([fault(45_000, undefined), fault(0, 5_000)], overTime);
  assert.equal(open!.p99During, 110);
  assert.equal(open!.failuresDuring, 0);
  assert.equal(early!.p99Before, undefined);
  assert.equal(early!.p99During, 100);
});

test('the rate during a fault is its intervals\' deliveries over the time they cover, not the mean of their rates', () => {
  // 20 s at 10/s (200 records) then 5 s at 100/s (500 records): 700 records over 25 s is 28/s (the mean of the two rates would be 55/s).
  const uneven = [point(10_000, 100, 50, 0, 0), point(30_000, 100, 10, 0, 0), point(35_000, 100, 100, 0, 0)];
  const [f] = faultImpacts([fault(15_000, 34_000)], uneven);
  assert.equal(f!.deliveredPerSecondBefore, 50);
  assert.equal(f!.deliveredPerSecondDuring, 28);
});
