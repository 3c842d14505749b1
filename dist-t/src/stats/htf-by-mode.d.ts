import { type HoursToFailure } from './hours-to-failure.js';
/** Hours to failure of a cell, overall and per failure mode. */
export interface HtfByMode {
    /** All failures counted against the exposure. */
    overall: HoursToFailure;
    /** Per mode, most failures first (ties by name), then modes asked for that did not fail (censored). */
    byMode: Record<string, HoursToFailure>;
    /** The mode with the most failures (ties: first by name); undefined when nothing failed. */
    dominant: string | undefined;
}
/**
 * Hours to failure overall and per failure mode. Every mode is judged against the whole exposure: with
 * exponential times to failure, modes are competing risks whose rates add, so mode m's figures are those of
 * r_m failures in T hours (`hoursToFailure(T, r_m)`), and the overall ones those of Σ r_m.
 *
 * @param exposureHours T, scenario hours
 * @param failures the failures observed, each with its `mode` (`crash`, `hang`, …)
 * @param options.confidence of the one-sided bounds, default 0.95
 * @param options.modes modes to report even with no failure (for example every mode the run watches for),
 *   so a threshold like `htf{mode=hang} >= 50h` has a figure when nothing hung
 */
export declare function hoursToFailureByMode(exposureHours: number, failures: readonly {
    mode: string;
}[], options?: {
    confidence?: number;
    modes?: readonly string[];
}): HtfByMode;
