import { decodeHistogram, mergeHistograms, summarize } from '../metrics/histogram.js';
import { hoursToFailure } from '../stats/hours-to-failure.js';
/**
 * The cells whose matrix values match every `key=value` of the selector. Keys in `ignore` (such as `mode`,
 * which selects failures, not cells) are skipped; a key that is not a matrix dimension matches nothing.
 */
export function selectCells(results, selector, ignore = ['mode']) {
    const pairs = Object.entries(selector).filter(([k]) => !ignore.includes(k));
    return results.cells.filter((c) => pairs.every(([k, v]) => c.values[k] === v));
}
/** Pools cells (see CellPool); `mode` keeps only the failures of that mode. */
export function poolCells(cells, confidence, mode) {
    const exposureHours = cells.reduce((t, c) => t + c.exposureHours, 0);
    const failures = cells.flatMap((c) => c.failures).filter((f) => mode === undefined || f.mode === mode);
    const delivery = sumCounts(cells.map((c) => c.delivery));
    const histograms = cells.map((c) => decodeHistogram(c.latency.endToEnd.histogram));
    return {
        cells: [...cells],
        exposureHours,
        failures,
        htf: hoursToFailure(exposureHours, failures.length, confidence),
        delivery,
        deliveryFinal: cells.every((c) => c.deliveryFinal),
        scenarioMs: cells.reduce((t, c) => t + c.scenarioMs, 0),
        latency: summarize(mergeHistograms(histograms)),
    };
}
function sumCounts(all) {
    const total = { generated: 0, delivered: 0, duplicated: 0, duplicateCopies: 0, reordered: 0, dropped: 0, droppedButDelivered: 0, undrained: 0, lostInFailures: 0, lost: 0, foreign: 0 };
    for (const counts of all)
        for (const key of Object.keys(total))
            total[key] += counts[key] ?? 0;
    return total;
}
/** `variant=patch,keepalive=on` or `{variant=patch}` → { variant: 'patch', keepalive: 'on' }; undefined when malformed. */
export function parseCellSelector(text) {
    const inner = text.trim().replace(/^\{/, '').replace(/\}$/, '').trim();
    if (inner === '')
        return {};
    const selector = {};
    for (const part of inner.split(',')) {
        const i = part.indexOf('=');
        if (i <= 0)
            return undefined;
        const key = part.slice(0, i).trim();
        const value = part.slice(i + 1).trim().replace(/^(["'])(.*)\1$/, '$2');
        if (key === '' || value === '')
            return undefined;
        selector[key] = value;
    }
    return selector;
}
//# sourceMappingURL=cell-pool.js.map