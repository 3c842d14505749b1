import type { CellResults } from '../results/results.js';
/** The verdict of a cell, as a stable key (for styling and machines) and as words (for people). */
export type VerdictKind = 'very-stable' | 'stable' | 'somewhat-stable' | 'hangs' | 'crashes' | 'runs-out-of-memory' | 'loses-data' | 'fails' | 'not-run';
export interface Verdict {
    kind: VerdictKind;
    /** Lower case, as in a sentence: `very stable`, `hangs`, `hangs, loses data`. */
    words: string;
    /** The cell failed: a failure was declared (r > 0) or records were lost silently. (CI fails on thresholds, not on this.) */
    failed: boolean;
    /** Why this verdict, with the figures that decided it. */
    reason: string;
}
/**
 * Scenario hours a cell must demonstrate to be called very stable (its lower bound, with no failure) or
 * somewhat stable (its estimate, with failures). Calibrated on the seed's matrix, where +3500h (lower
 * bound about 1170h at 95%) is "very stable" and ~2000h "somewhat stable", against ~80h and ~0.08h.
 */
export declare const STABLE_HOURS = 1000;
/** The verdict rule in words, printed with every matrix so a reader knows what the words mean. */
export declare const VERDICT_RULE: readonly string[];
/**
 * The verdict of a cell, by VERDICT_RULE. r is the number of declared failures, T the exposure, L the
 * lower bound on the mean hours to failure; silent loss counts only once the cell's delivery is final.
 * A rule on the figures shown beside the words (L and T / r), so that a cell never reads as more stable
 * than one whose figures are better.
 */
export declare function judgeCell(cell: CellResults): Verdict;
