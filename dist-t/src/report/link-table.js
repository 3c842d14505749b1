import { foldLag, lagMayDistort } from '../results/fold-harness.js';
export function linkTable(cells) {
    const spec = cells.find((c) => c.perLink !== undefined)?.perLink?.table;
    if (!spec)
        return undefined;
    const dims = Object.keys(cells[0]?.values ?? {});
    const fixed = dims.slice(0, -1);
    const rows = cells.map((c) => {
        const l = c.latency.endToEnd;
        const peers = cells.filter((o) => o.latency.endToEnd.count > 0 && fixed.every((d) => o.values[d] === c.values[d]));
        const best = Math.min(...peers.map((o) => o.latency.endToEnd.p99));
        // Results written before lag was measured have none: nothing is flagged then.
        const lag = c.harnessLag ?? foldLag([], 1);
        return {
            cell: c.name,
            cellIndex: c.index,
            values: c.values,
            baseline: { count: l.count, p50: l.p50, p99: l.p99, max: l.max },
            lagDistorted: l.count === 0 ? [] : ['p50', 'p99', 'max'].filter((k) => lagMayDistort(l[k], lag)),
            p99Ratio: peers.length > 1 && l.count > 0 && best > 0 ? l.p99 / best : undefined,
            faulted: (c.perLink?.links ?? [])
                .filter((s) => s.role !== (c.perLink?.table.baseline ?? spec.baseline))
                .map((s) => ({
                name: s.name,
                role: s.role,
                p99: s.p99,
                delivered: s.delivered,
                counts: Object.fromEntries(spec.counts.map((col) => [col.key, s.counts[col.key] ?? 0])),
                p99LagDistorted: s.count > 0 && lagMayDistort(s.p99, lag),
            })),
            system: Object.fromEntries(spec.system.map((col) => [col.key, c.system[col.key]])),
        };
    });
    return { spec, comparedAcross: dims[dims.length - 1], rows };
}
//# sourceMappingURL=link-table.js.map