import { hoursToFailure } from './hours-to-failure.js';
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
export function hoursToFailureByMode(exposureHours, failures, options = {}) {
    const confidence = options.confidence ?? 0.95;
    const counts = new Map();
    for (const f of failures)
        counts.set(f.mode, (counts.get(f.mode) ?? 0) + 1);
    const failed = [...counts.entries()].sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0));
    const quiet = [...new Set(options.modes ?? [])].filter((m) => !counts.has(m)).sort();
    const byMode = {};
    for (const [mode, count] of failed)
        byMode[mode] = hoursToFailure(exposureHours, count, confidence);
    for (const mode of quiet)
        byMode[mode] = hoursToFailure(exposureHours, 0, confidence);
    return {
        overall: hoursToFailure(exposureHours, failures.length, confidence),
        byMode,
        dominant: failed[0]?.[0],
    };
}
//# sourceMappingURL=htf-by-mode.js.map