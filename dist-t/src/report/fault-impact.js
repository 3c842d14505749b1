/**
 * Ties each fault occurrence to the metrics intervals it overlaps, so a report can say what the fault
 * did. An interval ending at `at` covers (previous at, at]; it overlaps a fault when the two meet at all.
 * The figures are as fine as the metrics interval: a fault shorter than an interval is blurred into it.
 */
export function faultImpacts(faults, overTime) {
    return faults.map((f) => {
        const end = f.end ?? Number.POSITIVE_INFINITY;
        const during = [];
        let before;
        let previousAt = 0;
        let failuresAtStart;
        let failuresAtEnd = 0;
        for (const p of overTime) {
            const from = previousAt;
            previousAt = p.at;
            if (p.at <= f.start) {
                before = p;
                continue;
            }
            if (from >= end && f.end !== f.start)
                break;
            during.push(p);
            failuresAtStart ??= before?.failures ?? 0;
            failuresAtEnd = p.failures;
            if (p.at >= end)
                break;
        }
        const max = (xs) => (xs.length ? Math.max(...xs) : undefined);
        const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined);
        return {
            id: f.id,
            description: f.description,
            slots: f.slots,
            start: f.start,
            end: f.end,
            p99Before: before?.p99,
            p99During: max(during.map((p) => p.p99)),
            deliveredPerSecondBefore: before?.deliveredPerSecond,
            deliveredPerSecondDuring: mean(during.map((p) => p.deliveredPerSecond)),
            failedRequestsDuring: during.reduce((n, p) => n + (p.requestsFailed ?? 0), 0),
            failuresDuring: Math.max(0, failuresAtEnd - (failuresAtStart ?? failuresAtEnd)),
            error: f.error,
        };
    });
}
//# sourceMappingURL=fault-impact.js.map