import { createHistogram, decodeHistogram, encodeHistogram, mergeHistograms } from '../../metrics/histogram.js';
/** What one thread counts while it runs; `part()` freezes it into a LoadPart. */
export class LoadTally {
    model;
    due = 0;
    sent = 0;
    responses = 0;
    shortfall = 0;
    bytesReceived = 0;
    statuses = new Map();
    errors = new Map();
    corrected;
    uncorrected = createHistogram();
    constructor(model) {
        this.model = model;
        this.corrected = model === 'open' ? createHistogram() : undefined;
    }
    status(code) {
        this.statuses.set(code, (this.statuses.get(code) ?? 0) + 1);
    }
    error(kind, count = 1) {
        if (count > 0)
            this.errors.set(kind, (this.errors.get(kind) ?? 0) + count);
    }
    get errorCount() {
        let n = 0;
        for (const v of this.errors.values())
            n += v;
        return n;
    }
    part(startEpochMs, endEpochMs) {
        return {
            model: this.model,
            due: this.model === 'open' ? this.due : this.sent,
            sent: this.sent,
            responses: this.responses,
            statuses: Object.fromEntries([...this.statuses].map(([k, v]) => [String(k), v])),
            errors: Object.fromEntries(this.errors),
            shortfall: this.shortfall,
            bytesReceived: this.bytesReceived,
            ...(this.corrected ? { corrected: encodeHistogram(this.corrected) } : {}),
            uncorrected: encodeHistogram(this.uncorrected),
            startEpochMs,
            endEpochMs,
        };
    }
}
function addCounts(into, from) {
    for (const [k, v] of Object.entries(from))
        into[k] = (into[k] ?? 0) + v;
}
/**
 * The whole run from its threads' parts: counts summed, histograms merged without loss (every part has
 * the same explicit range), elapsed from the earliest start to the latest end.
 */
export function mergeLoadParts(parts) {
    const [first] = parts;
    if (first === undefined)
        throw new Error('mergeLoadParts: no parts');
    const statuses = {};
    const errors = {};
    const sum = (pick) => parts.reduce((n, p) => n + pick(p), 0);
    for (const p of parts) {
        addCounts(statuses, p.statuses);
        addCounts(errors, p.errors);
    }
    const merge = (pick) => {
        const encoded = parts.map(pick).filter((e) => e !== undefined);
        return encoded.length === 0 ? undefined : encodeHistogram(mergeHistograms(encoded.map(decodeHistogram)));
    };
    const corrected = merge((p) => p.corrected);
    return {
        model: first.model,
        elapsedMs: Math.max(...parts.map((p) => p.endEpochMs)) - Math.min(...parts.map((p) => p.startEpochMs)),
        due: sum((p) => p.due),
        sent: sum((p) => p.sent),
        responses: sum((p) => p.responses),
        statuses,
        errors,
        shortfall: sum((p) => p.shortfall),
        bytesReceived: sum((p) => p.bytesReceived),
        ...(corrected !== undefined ? { corrected } : {}),
        uncorrected: merge((p) => p.uncorrected) ?? encodeHistogram(createHistogram()),
    };
}
//# sourceMappingURL=load-tally.js.map