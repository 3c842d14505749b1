import Table from 'cli-table3';
import { decodeHistogram, summarize } from '../../metrics/histogram.js';
import { formatCount, formatMs, formatRate } from '../../report/format.js';
export function summarizeLoad(r) {
    return {
        model: r.model,
        elapsedMs: r.elapsedMs,
        requestsPerSecond: r.elapsedMs > 0 ? (r.responses * 1000) / r.elapsedMs : 0,
        due: r.due,
        sent: r.sent,
        responses: r.responses,
        shortfall: r.shortfall,
        bytesReceived: r.bytesReceived,
        statuses: r.statuses,
        errors: r.errors,
        ...(r.corrected !== undefined ? { corrected: summarize(decodeHistogram(r.corrected)) } : {}),
        uncorrected: summarize(decodeHistogram(r.uncorrected)),
    };
}
const LATENCY_COLUMNS = [
    ['p50', 'p50'],
    ['p90', 'p90'],
    ['p99', 'p99'],
    ['p99.9', 'p99_9'],
    ['mean', 'mean'],
    ['max', 'max'],
];
/** The result as autocannon prints it: latency first (both figures, labelled), then counts. */
export function renderLoadTable(s, target) {
    const style = { head: [], border: [] };
    const latency = new Table({ head: ['Latency', ...LATENCY_COLUMNS.map(([name]) => name)], style });
    const row = (label, l) => [label, ...LATENCY_COLUMNS.map(([, key]) => formatMs(l[key]))];
    if (s.corrected)
        latency.push(row('corrected (from due time)', s.corrected));
    latency.push(row(s.corrected ? 'uncorrected (from send)' : 'from send (closed model)', s.uncorrected));
    const counts = new Table({ style });
    const join = (m) => Object.entries(m)
        .map(([k, v]) => `${k}: ${formatCount(v)}`)
        .join(', ') || 'none';
    counts.push(['Requests/s (responses)', formatRate(s.requestsPerSecond)], ...(s.model === 'open' ? [['Due (schedule)', formatCount(s.due)]] : []), ['Sent', formatCount(s.sent)], ['Responses', formatCount(s.responses)], ['Statuses', join(s.statuses)], ['Errors', join(s.errors)], ['Shortfall (due, never sent)', formatCount(s.shortfall)], ['Body bytes received', formatCount(s.bytesReceived)]);
    const model = s.model === 'open' ? 'open model: latency corrected for coordinated omission' : 'closed model: no schedule, latency from send only';
    const warning = s.shortfall > 0
        ? `warning: ${formatCount(s.shortfall)} of ${formatCount(s.due)} requests were due and never sent (every connection was busy, or the generator fell behind): the latency above covers only what was sent; more --connections or --workers may help\n`
        : '';
    return `${target} for ${formatMs(s.elapsedMs)} (${model})\n${latency.toString()}\n${counts.toString()}\n${warning}`;
}
export function renderThresholds(results) {
    return results.map((r) => `${r.passed ? 'pass' : 'FAIL'}  ${r.expression}${r.reason ? `  (${r.reason})` : ''}\n`).join('');
}
export function progressLine(p) {
    const backlog = p.backlog > 0 ? `, ${formatCount(p.backlog)} due unsent` : '';
    return `${(p.elapsedMs / 1000).toFixed(0)}s: ${formatCount(p.sent)} sent, ${formatCount(p.completed)} responses, ${formatCount(p.errors)} errors${backlog}`;
}
//# sourceMappingURL=load-render.js.map