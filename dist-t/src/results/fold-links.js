import { createHistogram, decodeHistogram, summarize } from '../metrics/histogram.js';
import { LEGACY_BROKER_LINK_TABLE, legacyLinks } from './legacy-journals.js';
/**
 * A cell's per-link figures, folded from its intervals: each link's latency from every interval's
 * histogram merged, its counts from the last interval (they are cumulative). The report section comes from
 * the cell's `cell-start` (the engine wrote the kind's there). Undefined when no interval has link figures
 * (a system kind that does not report per link), or when no section says how to show them.
 */
export function foldLinks(start, intervals) {
    let table = start?.links;
    const perInterval = [];
    for (const iv of intervals) {
        if (iv.links)
            perInterval.push(iv.links);
        else {
            const legacy = legacyLinks(iv);
            if (!legacy)
                continue;
            perInterval.push(legacy);
            table ??= LEGACY_BROKER_LINK_TABLE;
        }
    }
    const last = perInterval[perInterval.length - 1];
    if (!last || !table)
        return undefined;
    const latency = new Map();
    for (const links of perInterval) {
        for (const l of links) {
            let h = latency.get(l.name);
            if (!h)
                latency.set(l.name, (h = createHistogram()));
            h.add(decodeHistogram(l.latency));
        }
    }
    return {
        table,
        links: last.map((l) => {
            const s = summarize(latency.get(l.name) ?? createHistogram());
            return { name: l.name, role: l.role, count: s.count, p50: s.p50, p99: s.p99, max: s.max, delivered: l.delivered, counts: { ...l.counts } };
        }),
    };
}
//# sourceMappingURL=fold-links.js.map