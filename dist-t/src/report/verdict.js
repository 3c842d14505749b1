import { formatConfidence, formatHours } from '../stats/format-htf.js';
/**
 * Scenario hours a cell must demonstrate to be called very stable (its lower bound, with no failure) or
 * somewhat stable (its estimate, with failures). Calibrated on the seed's matrix, where +3500h (lower
 * bound about 1170h at 95%) is "very stable" and ~2000h "somewhat stable", against ~80h and ~0.08h.
 */
export const STABLE_HOURS = 1000;
const MODE_WORDS = {
    hang: { kind: 'hangs', words: 'hangs' },
    crash: { kind: 'crashes', words: 'crashes' },
    memory: { kind: 'runs-out-of-memory', words: 'runs out of memory' },
    loss: { kind: 'loses-data', words: 'loses data' },
};
/** The verdict rule in words, printed with every matrix so a reader knows what the words mean. */
export const VERDICT_RULE = [
    `Silent loss (records accepted and never delivered nor declared dropped) or a declared failure fails a cell.`,
    `With failures, the most frequent failure mode names the cell (hangs, crashes, runs out of memory, loses data), ` +
        `unless failures are rare: hours to failure of at least ${STABLE_HOURS}h with no silent loss is "somewhat stable".`,
    `Without failures: "very stable" when the lower confidence bound on the mean hours to failure is at least ${STABLE_HOURS}h, ` +
        `"stable" below that (nothing failed, but the exposure is too short to claim more).`,
    `All hours are scenario hours: the sum of instance running time in the cell.`,
];
/**
 * The verdict of a cell, by VERDICT_RULE. r is the number of declared failures, T the exposure, L the
 * lower bound on the mean hours to failure; silent loss counts only once the cell's delivery is final.
 * A rule on the figures shown beside the words (L and T / r), so that a cell never reads as more stable
 * than one whose figures are better.
 */
export function judgeCell(cell) {
    const r = cell.failures.length;
    const T = cell.exposureHours;
    const silent = cell.deliveryFinal ? cell.delivery.lost : 0;
    const lossNote = !cell.deliveryFinal ? '; loss not judged (the cell did not end)' : silent > 0 ? `; ${silent} record${silent === 1 ? '' : 's'} lost silently` : '';
    if (T === 0 && r === 0)
        return { kind: 'not-run', words: 'not run', failed: silent > 0, reason: `no instance ran${lossNote}` };
    if (r > 0) {
        const estimate = T / r;
        const dominant = cell.htf.dominant ?? cell.failures[0].mode;
        const counted = `${r} failure${r === 1 ? '' : 's'} in ${formatHours(T)}`;
        if (silent === 0 && estimate >= STABLE_HOURS) {
            return { kind: 'somewhat-stable', words: 'somewhat stable', failed: true, reason: `${counted}: rare, about ${formatHours(estimate)} to failure (at least ${STABLE_HOURS}h)` };
        }
        const named = MODE_WORDS[dominant] ?? { kind: 'fails', words: `fails (${dominant})` };
        const words = silent > 0 && dominant !== 'loss' ? `${named.words}, loses data` : named.words;
        return { kind: named.kind, words, failed: true, reason: `${counted}, most of them ${dominant}${lossNote}` };
    }
    if (silent > 0)
        return { kind: 'loses-data', words: 'loses data', failed: true, reason: `no failure declared in ${formatHours(T)}${lossNote}` };
    const L = cell.htf.overall.lower;
    const bound = `lower bound ${formatHours(L)} at ${formatConfidence(cell.htf.overall.confidence)}`;
    if (L >= STABLE_HOURS)
        return { kind: 'very-stable', words: 'very stable', failed: false, reason: `no failure in ${formatHours(T)}, ${bound} (at least ${STABLE_HOURS}h)${lossNote}` };
    return { kind: 'stable', words: 'stable', failed: false, reason: `no failure in ${formatHours(T)}, ${bound} (below ${STABLE_HOURS}h)${lossNote}` };
}
//# sourceMappingURL=verdict.js.map