import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHistogram, decodeHistogram, encodeHistogram, recordMs, summarize, type Histogram } from '../../../src/metrics/histogram.js';
import { Random } from '../../../src/core/random.js';

/** What hdr-histogram-js itself answers, one library call per figure. */
function libraryFigures(h: Histogram): number[] {
  return [h.mean, h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9)].map((us) => us / 1000);
}

test('summarize gives the library’s own mean and percentiles, on spread, skewed and tiny histograms, also after a round trip', () => {
  const rng = new Random(7);
  const random = (): number => rng.next();
  const shapes: [string, () => number][] = [
    ['1 ms .. 10 min, log-uniform', () => Math.exp(Math.log(1) + random() * Math.log(600_000))],
    ['mostly 2 ms, a tail of stalls', () => (random() < 0.995 ? 2 + random() : 60_000 + random() * 1000)],
    ['below a microsecond', () => random() / 2000],
  ];
  for (const [name, draw] of shapes) {
    for (const n of [1, 2, 999, 1000, 1001, 25_000]) {
      const h = createHistogram();
      for (let i = 0; i < n; i++) recordMs(h, draw());
      for (const histogram of [h, decodeHistogram(encodeHistogram(h))]) {
        const s = summarize(histogram);
        const [mean, p50, p90, p99, p999] = libraryFigures(histogram);
        assert.deepEqual([s.count, s.mean, s.p50, s.p90, s.p99, s.p99_9, s.max, s.min], [n, mean, p50, p90, p99, p999, histogram.maxValue / 1000, histogram.minNonZeroValue / 1000], `${name}, ${n} values`);
      }
    }
  }
  assert.deepEqual(summarize(createHistogram()), { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p99: 0, p99_9: 0, max: 0 });
});
