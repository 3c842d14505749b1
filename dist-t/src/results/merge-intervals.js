import { createHistogram, decodeHistogram, encodeHistogram } from '../metrics/histogram.js';
/**
 * One cell's metrics intervals from several shards, folded into the intervals of the whole cell.
 *
 * Every shard journals an interval each `report.interval` of its cell's time, and a last one when the cell
 * stops (just before its `cell-end`). Shards line up by position: the k-th periodic interval of each shard
 * makes the k-th of the merge, and the shards' last intervals make its last. Their cumulative figures
 * (delivery, exposure, failures, requests, link counts) add; their histograms (this interval's latency)
 * merge without loss. A shard with fewer periodic intervals (its timer fired once less before the cell
 * stopped) adds its latest cumulative figures to the later ones, and no latency: its own last interval
 * holds that latency, so over the whole cell every recorded value is counted exactly once.
 */
export function mergeCellIntervals(perShard, maxCounters) {
    const split = perShard.map(({ intervals, ended }) => ({
        periodic: ended ? intervals.slice(0, -1) : [...intervals],
        last: ended ? intervals[intervals.length - 1] : undefined,
    }));
    const rounds = Math.max(0, ...split.map((s) => s.periodic.length));
    const merged = [];
    for (let k = 0; k < rounds; k++) {
        const parts = split.flatMap((s) => {
            const own = s.periodic[k];
            if (own)
                return [{ iv: own, fresh: true }];
            const carried = s.periodic[s.periodic.length - 1];
            return carried ? [{ iv: carried, fresh: false }] : [];
        });
        merged.push(combineIntervals(parts, maxCounters));
    }
    if (split.some((s) => s.last)) {
        const parts = split.flatMap((s) => {
            if (s.last)
                return [{ iv: s.last, fresh: true }];
            const carried = s.periodic[s.periodic.length - 1];
            return carried ? [{ iv: carried, fresh: false }] : [];
        });
        merged.push(combineIntervals(parts, maxCounters));
    }
    return merged;
}
/** Several shards' interval of one moment as one: counts add, latency merges (fresh parts only), maxima of duress's own figures. */
export function combineIntervals(parts, maxCounters) {
    const first = parts[0].iv;
    const endToEnd = createHistogram();
    const request = createHistogram();
    for (const p of parts) {
        if (!p.fresh)
            continue;
        endToEnd.add(decodeHistogram(p.iv.endToEnd));
        request.add(decodeHistogram(p.iv.request));
    }
    const lags = parts.flatMap((p) => (p.fresh && p.iv.lag ? [p.iv.lag] : []));
    const links = mergeLinks(parts);
    const systems = parts.flatMap((p) => (p.iv.system ? [p.iv.system] : []));
    return {
        t: 'interval',
        cell: first.cell,
        at: Math.max(...parts.map((p) => p.iv.at)),
        wallMs: Math.max(...parts.map((p) => p.iv.wallMs)),
        delivery: addCounts(parts.map((p) => p.iv.delivery)),
        exposureMs: parts.reduce((t, p) => t + p.iv.exposureMs, 0),
        failures: parts.reduce((t, p) => t + p.iv.failures, 0),
        endToEnd: encodeHistogram(endToEnd),
        request: encodeHistogram(request),
        requests: addRecords(parts.map((p) => p.iv.requests)),
        // duress's own memory and the largest instance's: each machine's, so the largest of them.
        rss: Math.max(...parts.map((p) => p.iv.rss)),
        maxInstanceMemory: Math.max(...parts.map((p) => p.iv.maxInstanceMemory)),
        ...(lags.length > 0 ? { lag: maxLag(lags) } : {}),
        ...(links ? { links } : {}),
        ...(systems.length > 0 ? { system: combineCounters(systems, maxCounters) } : {}),
    };
}
/** Delivery counts added key by key. */
export function addCounts(all) {
    const total = { ...all[0] };
    for (const key of Object.keys(total))
        total[key] = all.reduce((t, c) => t + (c[key] ?? 0), 0);
    return total;
}
/** Counts by name, added. */
export function addRecords(all) {
    const total = {};
    for (const r of all)
        for (const [k, v] of Object.entries(r))
            total[k] = (total[k] ?? 0) + v;
    return total;
}
/** A system kind's counters: the maximum of those it declares maxima (cell-start's maxCounters), the sum of the rest. */
export function combineCounters(all, maxCounters) {
    const total = {};
    for (const r of all)
        for (const [k, v] of Object.entries(r))
            total[k] = maxCounters.has(k) ? Math.max(total[k] ?? Number.NEGATIVE_INFINITY, v) : (total[k] ?? 0) + v;
    return total;
}
function maxLag(lags) {
    return {
        mainMaxMs: Math.max(...lags.map((l) => l.mainMaxMs)),
        mainP99Ms: Math.max(...lags.map((l) => l.mainP99Ms)),
        workerMaxMs: Math.max(...lags.map((l) => l.workerMaxMs)),
    };
}
/** Each link (by name) over the shards: its latency merged (fresh parts), its cumulative counts added. */
function mergeLinks(parts) {
    if (!parts.some((p) => p.iv.links))
        return undefined;
    const byName = new Map();
    for (const p of parts) {
        for (const l of p.iv.links ?? []) {
            let m = byName.get(l.name);
            if (!m)
                byName.set(l.name, (m = { role: l.role, latency: createHistogram(), delivered: 0, counts: [] }));
            if (p.fresh)
                m.latency.add(decodeHistogram(l.latency));
            m.delivered += l.delivered;
            m.counts.push(l.counts);
        }
    }
    return [...byName].map(([name, m]) => ({ name, role: m.role, latency: encodeHistogram(m.latency), delivered: m.delivered, counts: addRecords(m.counts) }));
}
//# sourceMappingURL=merge-intervals.js.map