import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isThresholdMetric, THRESHOLD_METRICS } from '../../../src/stats/threshold-metrics.js';
import { parseThreshold, type Threshold } from '../../../src/stats/thresholds-parser.js';

function parsed(text: string): Threshold {
  const result = parseThreshold(text);
  if (!result.ok) assert.fail(`${text}: ${result.message}`);
  return result.threshold;
}

function rejected(text: string): { message: string; column: number } {
  const result = parseThreshold(text);
  if (result.ok) assert.fail(`${text} was accepted`);
  return result;
}

test('the expressions of design.md and the issue', () => {
  assert.deepEqual(parsed('htf_lower{variant=patch} > 100h'), {
    expression: 'htf_lower{variant=patch} > 100h',
    metric: 'htf_lower',
    selector: { variant: 'patch' },
    operator: '>',
    value: 100,
  });
  assert.deepEqual(parsed('htf{mode=hang} >= 50h'), { expression: 'htf{mode=hang} >= 50h', metric: 'htf', selector: { mode: 'hang' }, operator: '>=', value: 50 });
  assert.deepEqual(parsed('p99{variant=patch} < 2s'), { expression: 'p99{variant=patch} < 2s', metric: 'p99', selector: { variant: 'patch' }, operator: '<', value: 2000 });
  assert.deepEqual(parsed('p99.9 < 500ms'), { expression: 'p99.9 < 500ms', metric: 'p99.9', selector: {}, operator: '<', value: 500 });
  assert.deepEqual(parsed('lost == 0'), { expression: 'lost == 0', metric: 'lost', selector: {}, operator: '==', value: 0 });
  assert.deepEqual(parsed('failures{mode=hang,variant=patch} == 0').selector, { mode: 'hang', variant: 'patch' });
  assert.equal(parsed('duplicated <= 10').value, 10);
  assert.equal(parsed('delivered_ratio >= 0.999').value, 0.999);
  assert.equal(parsed('loss == 0').metric, 'lost');
});

test('every operator', () => {
  for (const op of ['<', '<=', '>', '>=', '==', '!='] as const) assert.equal(parsed(`lost ${op} 3`).operator, op);
  assert.equal(parsed('lost!=3').operator, '!=');
});

test('units: htf metrics in hours, latency in ms, rates per second, ratios plain or percent', () => {
  const cases: [string, number][] = [
    ['htf > 100', 100],
    ['htf > 100h', 100],
    ['htf_lower > 2d', 48],
    ['htf > 90m', 1.5],
    ['htf > 1h30m', 1.5],
    ['htf > 1800s', 0.5],
    ['p99 < 2s', 2000],
    ['p99 < 250', 250],
    ['p50 < 0.5ms', 0.5],
    ['max < 1m', 60_000],
    ['mean < 1.5s', 1500],
    ['throughput > 2000', 2000],
    ['throughput > 2000/s', 2000],
    ['throughput > 120/m', 2],
    ['delivered_ratio >= 99.9%', 0.999],
    ['delivered_ratio >= 100%', 1],
    ['delivered >= 1000000', 1_000_000],
  ];
  for (const [text, value] of cases) assert.equal(parsed(text).value, value, text);
});

test('whitespace and selector forms', () => {
  assert.deepEqual(parsed("  htf { variant = 'a b' , mode = hang }  >=  50h  "), {
    expression: "htf { variant = 'a b' , mode = hang }  >=  50h",
    metric: 'htf',
    selector: { variant: 'a b', mode: 'hang' },
    operator: '>=',
    value: 50,
  });
  assert.deepEqual(parsed('p99{variant="patch-2",keep_alive=on}<2s').selector, { variant: 'patch-2', keep_alive: 'on' });
  assert.deepEqual(parsed('lost{} == 0').selector, {});
});

test('errors name the problem and its 1-based column', () => {
  const cases: [string, string, number][] = [
    ['p99 << 2s', 'threshold "p99 << 2s": expected a value after "<" at column 6', 6],
    ['', 'threshold "": expected a metric name at column 1', 1],
    ['< 2s', 'threshold "< 2s": expected a metric name, got "<" at column 1', 1],
    ['p98 < 2s', 'threshold "p98 < 2s": unknown metric "p98" (did you mean "p90"?) at column 1', 1],
    ['p(99) < 2s', 'threshold "p(99) < 2s": write p99, not p(99) at column 1', 1],
    ['lost = 0', 'threshold "lost = 0": "=" is not an operator; use "==" at column 6', 6],
    ['lost 0', 'threshold "lost 0": expected an operator (<, <=, >, >=, ==, !=) after "lost" at column 6', 6],
    ['p99 <', 'threshold "p99 <": expected a value after "<" at column 6', 6],
    ['p99 < -1s', 'threshold "p99 < -1s": expected a value after "<" at column 7', 7],
    ['p99 < 2x', 'threshold "p99 < 2x": "2x" is not a duration (500ms, 2s) or a number of ms for p99 at column 7', 7],
    ['htf > 100 h', 'threshold "htf > 100 h": unexpected "h" after the value at column 11', 11],
    ['htf > 100y', 'threshold "htf > 100y": "100y" is not a number of hours or a duration (100h, 2d, 90m) for htf at column 7', 7],
    ['lost == 0s', 'threshold "lost == 0s": lost is a count and takes a plain number, not "0s" at column 9', 9],
    ['delivered_ratio >= 99.9', 'threshold "delivered_ratio >= 99.9": delivered_ratio is a ratio from 0 to 1: write 0.999 or 99.9%, not "99.9" at column 20', 20],
    ['throughput > 5/d', 'threshold "throughput > 5/d": "5/d" is not a rate (2000/s, 120/m) or a number per second for throughput at column 14', 14],
    ['p99{mode=hang} < 2s', 'threshold "p99{mode=hang} < 2s": "mode" selects a failure mode, which p99 does not have (only htf, htf_lower, failures do) at column 5', 5],
    ['htf{variant=a,variant=b} > 1', 'threshold "htf{variant=a,variant=b} > 1": "variant" is selected twice at column 15', 15],
    ['htf{variant=a', 'threshold "htf{variant=a": expected "," or "}" to close the selector at column 14', 14],
    ['htf{variant=a b} > 1', 'threshold "htf{variant=a b} > 1": expected "," or "}", got "b" at column 15', 15],
    ['htf{variant} > 1', 'threshold "htf{variant} > 1": expected "=" after "variant" at column 12', 12],
    ['htf{variant=} > 1', 'threshold "htf{variant=} > 1": expected a value for "variant" at column 13', 13],
    ['htf{=a} > 1', 'threshold "htf{=a} > 1": expected a selector key such as variant at column 5', 5],
    ['htf{variant="a} > 1', `threshold 'htf{variant="a} > 1': unterminated " in the value of "variant" at column 13`, 13],
  ];
  for (const [text, message, column] of cases) assert.deepEqual(rejected(text), { ok: false, message, column }, text);
});

test('an unknown name far from every metric lists the known ones', () => {
  assert.match(rejected('latency < 2s').message, /unknown metric "latency" \(known: htf, htf_lower, failures, p50, .*throughput, shortfall, failed_requests\) at column 1/);
});

test('the metric catalogue: a kind and a description for each', () => {
  assert.deepEqual(Object.keys(THRESHOLD_METRICS), [
    'htf',
    'htf_lower',
    'failures',
    'p50',
    'p90',
    'p99',
    'p99.9',
    'max',
    'mean',
    'lost',
    'dropped',
    'duplicated',
    'reordered',
    'delivered',
    'delivered_ratio',
    'throughput',
    'shortfall',
    'failed_requests',
  ]);
  for (const info of Object.values(THRESHOLD_METRICS)) assert.ok(info.description.length > 10);
  assert.equal(isThresholdMetric('toString'), false);
  assert.equal(rejected('toString > 1').column, 1);
  assert.equal(rejected('constructor > 1').column, 1);
});
