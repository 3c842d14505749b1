/** A latency figure is flagged as possibly distorted when the worst lag × speed is this share of it or more. */
export const LAG_DISTORTION_SHARE = 0.1;
const FIGURES = [
    ['p50', 'p50'],
    ['p90', 'p90'],
    ['p99', 'p99'],
    ['p99_9', 'p99.9'],
    ['max', 'max'],
];
/** The lag figures of a cell's intervals. */
export function foldLag(intervals, speed) {
    const f = { mainMaxMs: 0, mainP99Ms: 0, workerMaxMs: 0, worstMs: 0, scenarioMs: 0, measured: false };
    for (const iv of intervals) {
        if (!iv.lag)
            continue;
        f.measured = true;
        f.mainMaxMs = Math.max(f.mainMaxMs, iv.lag.mainMaxMs);
        f.mainP99Ms = Math.max(f.mainP99Ms, iv.lag.mainP99Ms);
        f.workerMaxMs = Math.max(f.workerMaxMs, iv.lag.workerMaxMs);
    }
    f.worstMs = Math.max(f.mainMaxMs, f.workerMaxMs);
    f.scenarioMs = f.worstMs * speed;
    return f;
}
/** May lag of `lag` have distorted a latency figure of `valueMs` (scenario ms)? Lag × speed is at least LAG_DISTORTION_SHARE of it. */
export function lagMayDistort(valueMs, lag) {
    return lag.scenarioMs > 0 && lag.scenarioMs >= LAG_DISTORTION_SHARE * valueMs;
}
/** The end-to-end latency figures of a cell that its lag may have distorted (`prefix` names them: `end-to-end p99`). */
export function distortedFigures(cell, latency, lag, prefix = 'end-to-end') {
    if (latency.count === 0)
        return [];
    return FIGURES.filter(([key]) => lagMayDistort(latency[key], lag)).map(([key, figure]) => ({
        cell,
        figure: `${prefix} ${figure}`,
        valueMs: latency[key],
        lagScenarioMs: lag.scenarioMs,
    }));
}
/**
 * The p99 figures of a cell's faulted links (those not of the baseline role: the p99 a links table shows
 * beside the baseline ones) that its lag may have distorted; the baseline links' figures are the cell's
 * end-to-end ones.
 */
export function distortedLinkFigures(c) {
    const baseline = c.perLink?.table.baseline;
    return (c.perLink?.links ?? [])
        .filter((l) => l.role !== baseline && l.count > 0 && lagMayDistort(l.p99, c.harnessLag))
        .map((l) => ({ cell: c.name, figure: `${l.name} p99`, valueMs: l.p99, lagScenarioMs: c.harnessLag.scenarioMs }));
}
/** The run's harness results from its journal and its cells' lag and latency. */
export function foldHarness(events, cells, speed) {
    const trouble = events.filter((e) => e.t === 'harness').map(({ t: _t, ...rest }) => rest);
    const lag = { mainMaxMs: 0, mainP99Ms: 0, workerMaxMs: 0, worstMs: 0, scenarioMs: 0, measured: false };
    for (const c of cells) {
        lag.measured ||= c.harnessLag.measured;
        lag.mainMaxMs = Math.max(lag.mainMaxMs, c.harnessLag.mainMaxMs);
        lag.mainP99Ms = Math.max(lag.mainP99Ms, c.harnessLag.mainP99Ms);
        lag.workerMaxMs = Math.max(lag.workerMaxMs, c.harnessLag.workerMaxMs);
    }
    lag.worstMs = Math.max(lag.mainMaxMs, lag.workerMaxMs);
    lag.scenarioMs = lag.worstMs * speed;
    const distorted = cells.flatMap((c) => [...distortedFigures(c.name, c.latency.endToEnd, c.harnessLag), ...distortedLinkFigures(c)]);
    return { lag, trouble, distorted, inTrouble: trouble.length > 0 || distorted.length > 0 };
}
//# sourceMappingURL=fold-harness.js.map