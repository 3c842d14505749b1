/** Number formatting shared by the renderers. */
export function formatMs(ms) {
    if (!Number.isFinite(ms))
        return '-';
    if (ms < 1)
        return `${(ms * 1000).toFixed(0)} µs`;
    if (ms < 1000)
        return `${ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0)} ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(2)} s`;
    if (ms < 3_600_000)
        return `${(ms / 60_000).toFixed(1)} min`;
    return `${(ms / 3_600_000).toFixed(2)} h`;
}
export function formatCount(n) {
    return Math.round(n).toLocaleString('en-US');
}
export function formatRate(perSecond) {
    if (!Number.isFinite(perSecond))
        return '-';
    return `${perSecond >= 100 ? formatCount(perSecond) : perSecond.toFixed(1)}/s`;
}
export function formatPercent(part, whole) {
    if (whole === 0)
        return '0%';
    const p = (100 * part) / whole;
    return p === 0 ? '0%' : p < 0.01 ? '<0.01%' : `${p.toFixed(2)}%`;
}
/** One line for a failure's evidence: its reason or error, the rest left to results.json. */
export function describeEvidence(e) {
    for (const key of ['reason', 'error'])
        if (typeof e[key] === 'string')
            return String(e[key]).split('\n')[0];
    if (typeof e.exitCode === 'number')
        return `exited with code ${e.exitCode}`;
    if (typeof e.lostRecords === 'number')
        return `${formatCount(e.lostRecords)} records lost silently`;
    if (typeof e.memoryUsed === 'number')
        return `memory ${formatCount(Number(e.memoryUsed) / 2 ** 20)} MB over the limit`;
    return JSON.stringify(e).slice(0, 80);
}
const MODE_NOUNS = {
    crash: ['crash', 'crashes'],
    hang: ['hang', 'hangs'],
    memory: ['out of memory', 'out of memory'],
    loss: ['silent loss', 'silent losses'],
};
/** Failures of a mode, counted in words: `1 crash`, `11 hangs`, `2 out of memory`. */
export function modeCount(mode, n) {
    const [one, many] = MODE_NOUNS[mode] ?? [mode, mode];
    return `${n} ${n === 1 ? one : many}`;
}
//# sourceMappingURL=format.js.map