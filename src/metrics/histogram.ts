import * as hdr from 'hdr-histogram-js';

/**
 * HDR latency histograms, in microseconds, with an explicit range so that every histogram duress makes
 * can be merged with every other (results of shards, intervals, cells) without loss.
 */
export type Histogram = hdr.Histogram;

/** 1 µs .. 24 h at 3 significant digits: every latency a soak test can see, 0.1 % resolution. */
const RANGE = { lowestDiscernibleValue: 1, highestTrackableValue: 24 * 3600 * 1e6, numberOfSignificantValueDigits: 3 } as const;

/** An empty latency histogram (µs, 1 µs .. 24 h); fill it with recordMs. */
export function createHistogram(): Histogram {
  return hdr.build({ ...RANGE, bitBucketSize: 32, autoResize: true });
}

/** Records a latency given in (scenario) milliseconds; values below 1 µs count as 1 µs. */
export function recordMs(h: Histogram, ms: number): void {
  h.recordValue(Math.max(1, Math.round(ms * 1000)));
}

/** Compact, lossless text form for results.json and the journal (HdrHistogram's compressed base64). */
export function encodeHistogram(h: Histogram): string {
  return hdr.encodeIntoCompressedBase64(h);
}

export function decodeHistogram(encoded: string): Histogram {
  return hdr.decodeFromCompressedBase64(encoded, 32, false);
}

export function mergeHistograms(parts: Iterable<Histogram>): Histogram {
  const total = createHistogram();
  for (const h of parts) total.add(h);
  return total;
}

/**
 * Calls `visit` once per distinct recorded value of `h` (the highest value its HDR bucket stands for, in
 * scenario ms) with how many values were recorded there, lowest first.
 */
export function forEachRecordedMs(h: Histogram, visit: (ms: number, count: number) => void): void {
  if (!(h instanceof hdr.JsHistogram)) throw new TypeError('forEachRecordedMs needs a JavaScript HDR histogram (createHistogram, decodeHistogram)');
  const it = h.recordedValuesIterator;
  it.reset();
  while (it.hasNext()) {
    const v = it.next();
    visit(v.valueIteratedTo / 1000, v.countAtValueIteratedTo);
  }
}

export const PERCENTILES = [50, 90, 99, 99.9] as const;

/** Percentiles in milliseconds, ready to print or serialise. */
export interface LatencySummary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  p99_9: number;
  max: number;
}

/**
 * The summary of `h`, equal to hdr-histogram-js's own `mean` and `getValueAtPercentile` for every
 * percentile (same count rounding, same bucket values), in one walk over the counts that stops at the
 * highest recorded bucket. The library walks the whole counts array once per percentile and once more,
 * through its iterator, for the mean: about 55,000 buckets each time at this range, which made the
 * results of a long run take 13 s of a 48 s run on one thread.
 */
export function summarize(h: Histogram): LatencySummary {
  const ms = (us: number): number => us / 1000;
  const total = h.totalCount;
  if (total === 0) return { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p99: 0, p99_9: 0, max: 0 };
  if (!(h instanceof hdr.JsHistogram)) throw new TypeError('summarize needs a JavaScript HDR histogram (createHistogram, decodeHistogram)');
  const wanted = PERCENTILES.map((p) => countAtPercentile(p, total));
  const at: number[] = [];
  let seen = 0;
  let sum = 0;
  for (let i = 0; i < h.countsArrayLength && seen < total; i++) {
    const count = h.getCountAtIndex(i);
    if (count === 0) continue;
    seen += count;
    const value = h.valueFromIndex(i);
    sum += h.medianEquivalentValue(value) * count;
    while (at.length < wanted.length && seen >= wanted[at.length]!) at.push(h.highestEquivalentValue(value));
  }
  return {
    count: total,
    min: ms(h.minNonZeroValue),
    mean: ms(sum / total),
    p50: ms(at[0] ?? 0),
    p90: ms(at[1] ?? 0),
    p99: ms(at[2] ?? 0),
    p99_9: ms(at[3] ?? 0),
    max: ms(h.maxValue),
  };
}

/** hdr-histogram-js's rounding of a percentile to a count: up, but not past a 1-ulp error, and at least 1. */
function countAtPercentile(percentile: number, total: number): number {
  const fp = (Math.min(percentile, 100) / 100) * total;
  return Math.max(Math.ceil(fp - 2 ** (Math.floor(Math.log2(fp)) - 52)), 1);
}

/**
 * Runs every histogram operation once, so that their first (compiling) calls do not stall a thread in the
 * middle of a measurement: the first percentile query alone takes tens of ms.
 */
export function warmUpHistograms(): void {
  const h = createHistogram();
  recordMs(h, 1);
  recordMs(h, 1000);
  const copy = mergeHistograms([decodeHistogram(encodeHistogram(h))]);
  summarize(copy);
}
