import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ScenarioError } from '../../../src/core/errors.js';
import { capacityWarnings } from '../../../src/scenario/capacity.js';
import { parseScenario } from '../../../src/scenario/load.js';
import type { Scenario } from '../../../src/scenario/types.js';
import { forwarderScenario } from '../../helpers/scenario-text.js';

/** Node's timer limit, written out independently of the product: 2^31-1 ms. */
const NODE_TIMER_MAX_MS = 2_147_483_647;
const DAY_MS = 86_400_000;

const BASE = `name: limits
duration: 1h
system:
  kind: forwarder
  input: { rate: 100/s }
`;

/** The problems of a scenario as `path: message` lines, or [] when it is valid. */
function problems(text: string, overrides: Record<string, string> = {}): string[] {
  try {
    parseScenario(text, 'limits.yaml', Object.entries(overrides).map(([path, value]) => ({ path, value })));
    return [];
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    return err.problems.map((p) => `${p.path}: ${p.message}`);
  }
}

test('a latency longer than a Node.js timer can wait (24.8 days at speed 1) is refused, saying the maximum', () => {
  const latency = (value: string): string => `${BASE}faults:\n  - { kind: latency, latency: ${value} }\n`;
  assert.ok(NODE_TIMER_MAX_MS / DAY_MS > 24.8 && NODE_TIMER_MAX_MS / DAY_MS < 24.9);
  assert.deepEqual(problems(latency('24d')), [], '24 days fits in a timer');
  const [only, ...rest] = problems(latency('25d'));
  assert.equal(rest.length, 0);
  assert.match(only ?? '', /^faults\[0\]\.latency: expected at most 24d20h31m23\.647s \(.*2\^31-1 ms, about 24\.8 days of wall time\), got 25d$/);
});

test('the timer limit is on wall time: a faster clock allows longer scenario durations, a slower one shorter', () => {
  // At speed 60 a 30-day cell waits 12 hours of wall time; at speed 1 it cannot be timed.
  assert.deepEqual(problems(BASE, { duration: '30d', 'clock.speed': '60' }), []);
  assert.match(problems(BASE, { duration: '30d' }).join('\n'), /duration: expected at most 24d20h31m23\.647s/);
  // At speed 0.5, 20 days of scenario time are 40 days of wall time.
  assert.match(problems(BASE, { duration: '20d', 'clock.speed': '0.5' }).join('\n'), /duration: expected at most 12d10h15m41\.823s at clock.speed 0\.5/);
  // Ranges and repetitions are held to the same limit, by their longest value.
  assert.match(problems(`${BASE}faults:\n  - { kind: pause, for: 1s..30d }\n`).join('\n'), /faults\[0\]\.for: expected at most/);
  assert.match(problems(`${BASE}faults:\n  - { kind: kill, every: ~30d }\n`).join('\n'), /faults\[0\]\.every: expected at most/);
});

test('unreasonable counts and rates are refused with the limit in the message', () => {
  assert.match(problems(BASE, { instances: '1000000000000' }).join('\n'), /^instances: expected at most 1000 instances per cell/);
  assert.deepEqual(problems(BASE, { instances: '1000' }), []);
  assert.match(problems(BASE, { 'system.input.rate': '2000000/s' }).join('\n'), /system\.input\.rate: expected at most 1000000\/s per instance, got 2000000\/s/);
  assert.match(problems(BASE, { 'system.input.recordSize': '2MB' }).join('\n'), /system\.input\.recordSize: expected at most 1MB per record, got 2MB/);
  assert.match(problems(BASE, { 'clock.speed': '1000000' }).join('\n'), /clock\.speed: expected a speed of at most 100000/);
  const dimension = (name: string): string => `  ${name}: { ${Array.from({ length: 17 }, (_, i) => `v${i}: {}`).join(', ')} }\n`;
  assert.match(problems(`${BASE}matrix:\n${dimension('a')}${dimension('b')}`).join('\n'), /^matrix: expected at most 256 cells .*, got 289$/);
});

test('a broker with more clients than the limit is refused', () => {
  const broker = `name: b\nduration: 1m\nsystem:\n  kind: broker\n  rate: 10/s\n  subscribers: 5000\n`;
  assert.match(problems(broker).join('\n'), /system\.subscribers: expected at most 1000 subscribers, got 5000/);
});

test('capacity: a machine is warned about, not refused; the rule counts instances per core and records per core per wall second', () => {
  const cell = (overrides: Record<string, string>): Scenario => forwarderScenario(overrides);
  // 4 instances at 500/s on 2 cores: 2,000 records per wall second and 2 instances per core.
  assert.deepEqual(capacityWarnings([cell({ instances: '4' })], 2), []);
  // 500 instances on 2 cores, a worker each: far beyond 8 threads per core.
  const own = { 'isolation.instancesPerWorker': '1' };
  const [threads] = capacityWarnings([cell({ ...own, instances: '500', 'system.input.rate': '1/s' })], 2);
  assert.match(threads ?? '', /^500 worker threads \(1 cell, side by side\) on 2 cores: this machine keeps up with about 16 \(8 per core\)/);
  // Shared 8 to a worker (the forwarder's default), they are ceil(500 / 8) = 63 threads: still too many.
  const [shared] = capacityWarnings([cell({ instances: '500', 'system.input.rate': '1/s' })], 2);
  assert.match(shared ?? '', /^63 worker threads /);
  // The same 500 instances are fine on 64 cores.
  assert.deepEqual(capacityWarnings([cell({ ...own, instances: '500', 'system.input.rate': '1/s' })], 64), []);
  // Cells run side by side: three cells of 6 instances are 18 threads on one machine, a worker each.
  assert.equal(capacityWarnings([cell({ ...own, instances: '6' }), cell({ ...own, instances: '6' })], 2).length, 0);
  assert.equal(capacityWarnings([cell({ ...own, instances: '6' }), cell({ ...own, instances: '6' }), cell({ ...own, instances: '6' })], 2).length, 1);
  // Sharing workers, they are 3 threads.
  assert.equal(capacityWarnings([cell({ instances: '6' }), cell({ instances: '6' }), cell({ instances: '6' })], 2).length, 0);
  // 4 instances × 2000/s × speed 60 = 480,000 records per wall second on 2 cores: the load warning.
  const load = capacityWarnings([cell({ instances: '4', 'system.input.rate': '2000/s', 'clock.speed': '60' })], 2);
  assert.equal(load.length, 1);
  assert.match(load[0] ?? '', /^480000\/s of wall time asked for .* about 40000\/s \(20000\/s per core\)/);
});
