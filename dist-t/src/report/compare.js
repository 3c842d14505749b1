import { InputError } from '../core/errors.js';
import { compareRates } from '../stats/compare-rates.js';
import { formatConfidence, formatHours, formatHtf } from '../stats/format-htf.js';
import { latencyShift } from '../stats/latency-shift.js';
import { formatSelector } from '../stats/thresholds.js';
import { poolCells, selectCells } from '../results/cell-pool.js';
function side(input, label, confidence) {
    const cells = selectCells(input.results, input.selector, []);
    if (cells.length === 0) {
        const names = input.results.cells.map((c) => c.name).join('; ');
        throw new InputError(`${input.source}: no cell matches ${formatSelector(input.selector)} (cells: ${names})`);
    }
    const pool = poolCells(cells, confidence);
    if (!(pool.exposureHours > 0))
        throw new InputError(`${input.source}: ${label} has no exposure (no instance ran), so there is no failure rate to compare`);
    const counts = new Map();
    for (const f of pool.failures)
        counts.set(f.mode, (counts.get(f.mode) ?? 0) + 1);
    const h = pool.htf;
    const conf = formatConfidence(confidence);
    return {
        label,
        source: input.source,
        cells: cells.map((c) => c.name),
        exposureHours: pool.exposureHours,
        failures: pool.failures.length,
        byMode: [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([mode, failures]) => ({ mode, failures })),
        htf: {
            estimate: h.estimate,
            lower: h.lower,
            upper: h.upper,
            figure: formatHtf(h),
            lowerText: `≥ ${formatHours(h.lower)} at ${conf}`,
            upperText: h.upper === undefined ? undefined : `≤ ${formatHours(h.upper)} at ${conf}`,
        },
        latency: pool.latency,
    };
}
/** `p = 0.00041`, `p < 0.0001`, `p = 1`. */
export function formatP(p) {
    if (p < 1e-4)
        return 'p < 0.0001';
    return `p = ${Number(p.toPrecision(2))}`;
}
function factor(x) {
    return `${x >= 10 ? Math.round(x) : Number(x.toPrecision(2))}×`;
}
function verdictOf(r, significant, confidence) {
    const p = formatP(r.pTwoSided);
    const conf = formatConfidence(confidence);
    if (r.ratio === undefined)
        return `no significant difference (${p}): neither side failed`;
    if (!significant)
        return `no significant difference (${p})`;
    const less = r.ratio < 1;
    if (r.rateA === 0) {
        const atLeast = r.ratioUpper > 0 && Number.isFinite(r.ratioUpper) ? `, at least ${factor(1 / r.ratioUpper)} less often at ${conf}` : '';
        return `candidate fails less often: never, against ${r.b.failures} baseline failures (${p}${atLeast}): significant at ${conf}`;
    }
    if (r.rateB === 0)
        return `candidate fails more often: ${r.a.failures} failures, against none in the baseline (${p}): significant at ${conf}`;
    return `candidate fails ${factor(less ? 1 / r.ratio : r.ratio)} ${less ? 'less' : 'more'} often (${p}): significant at ${conf}`;
}
/**
 * Compares a candidate with a baseline: the exact conditional test of their failure rates (compareRates,
 * candidate as A), the hours to failure of each with its bounds, and the shift of every end-to-end latency
 * percentile, each side pooled over its matching cells (exposure and failures add, histograms merge).
 */
export function compareRuns(baseline, candidate, confidence = 0.95) {
    const b = side(baseline, baseline.label, confidence);
    const c = side(candidate, candidate.label, confidence);
    const rates = compareRates({ failures: c.failures, exposure: c.exposureHours }, { failures: b.failures, exposure: b.exposureHours }, confidence);
    const significant = rates.pTwoSided < 1 - confidence;
    return { baseline: b, candidate: c, confidence, rates, latency: latencyShift(b.latency, c.latency), significant, verdict: verdictOf(rates, significant, confidence) };
}
//# sourceMappingURL=compare.js.map