import * as hdr from 'hdr-histogram-js';
/** 1 µs .. 24 h at 3 significant digits: every latency a soak test can see, 0.1 % resolution. */
const RANGE = { lowestDiscernibleValue: 1, highestTrackableValue: 24 * 3600 * 1e6, numberOfSignificantValueDigits: 3 };
/** An empty latency histogram (µs, 1 µs .. 24 h); fill it with recordMs. */
export function createHistogram() {
    return hdr.build({ ...RANGE, bitBucketSize: 32, autoResize: true });
}
/** Records a latency given in (scenario) milliseconds; values below 1 µs count as 1 µs. */
export function recordMs(h, ms) {
    h.recordValue(Math.max(1, Math.round(ms * 1000)));
}
/** Compact, lossless text form for results.json and the journal (HdrHistogram's compressed base64). */
export function encodeHistogram(h) {
    return hdr.encodeIntoCompressedBase64(h);
}
export function decodeHistogram(encoded) {
    return hdr.decodeFromCompressedBase64(encoded, 32, false);
}
export function mergeHistograms(parts) {
    const total = createHistogram();
    for (const h of parts)
        total.add(h);
    return total;
}
/**
 * Calls `visit` once per distinct recorded value of `h` (the highest value its HDR bucket stands for, in
 * scenario ms) with how many values were recorded there, lowest first.
 */
export function forEachRecordedMs(h, visit) {
    if (!(h instanceof hdr.JsHistogram))
        throw new TypeError('forEachRecordedMs needs a JavaScript HDR histogram (createHistogram, decodeHistogram)');
    const it = h.recordedValuesIterator;
    it.reset();
    while (it.hasNext()) {
        const v = it.next();
        visit(v.valueIteratedTo / 1000, v.countAtValueIteratedTo);
    }
}
export const PERCENTILES = [50, 90, 99, 99.9];
export function summarize(h) {
    const ms = (us) => us / 1000;
    if (h.totalCount === 0)
        return { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p99: 0, p99_9: 0, max: 0 };
    return {
        count: h.totalCount,
        min: ms(h.minNonZeroValue),
        mean: ms(h.mean),
        p50: ms(h.getValueAtPercentile(50)),
        p90: ms(h.getValueAtPercentile(90)),
        p99: ms(h.getValueAtPercentile(99)),
        p99_9: ms(h.getValueAtPercentile(99.9)),
        max: ms(h.maxValue),
    };
}
/**
 * Runs every histogram operation once, so that their first (compiling) calls do not stall a thread in the
 * middle of a measurement: the first percentile query alone takes tens of ms.
 */
export function warmUpHistograms() {
    const h = createHistogram();
    recordMs(h, 1);
    recordMs(h, 1000);
    const copy = mergeHistograms([decodeHistogram(encodeHistogram(h))]);
    summarize(copy);
}
//# sourceMappingURL=histogram.js.map