import jStat from 'jstat';
/**
 * Hours to failure (HTF) of a cell: the seed's figure and the chi-square confidence bounds on the mean
 * time between failures, for exponentially distributed times to failure (domain.md §5).
 *
 * Unit: every exposure and result here is in **scenario hours** (exposure is the sum of instance running
 * time in a cell, in scenario time; convert ms with `hoursFromMs`). Confidence is a fraction in (0, 1).
 */
export const MS_PER_HOUR = 3_600_000;
/** Scenario ms → scenario hours. */
export function hoursFromMs(ms) {
    return ms / MS_PER_HOUR;
}
/** What each figure means, written into results files and reports beside the numbers. */
export const HTF_DEFINITIONS = {
    exposure: 'T: the sum of instance running time in the cell, in scenario hours.',
    failures: 'r: failures observed during that exposure (crash, hang, silent loss, memory limit, broken SLO).',
    htf: 'Hours to failure as in the seed: T / max(r, 1). Shown "+Th" when r = 0 (no failure in T hours, so the true mean is ' +
        'at least about that) and "~xh" otherwise.',
    htf_lower: 'One-sided lower confidence bound on the mean hours to failure, assuming exponential times to failure and a ' +
        'time-terminated test: 2T / chi2(confidence; 2r + 2). With r = 0 this is T / -ln(1 - confidence).',
    htf_upper: 'One-sided upper confidence bound on the mean hours to failure, only when r > 0: 2T / chi2(1 - confidence; 2r).',
};
function checkExposure(exposureHours) {
    if (!Number.isFinite(exposureHours) || exposureHours < 0) {
        throw new RangeError(`exposure must be a finite number of hours, 0 or more, got ${exposureHours}`);
    }
}
function checkCount(name, count) {
    if (!Number.isSafeInteger(count) || count < 0)
        throw new RangeError(`${name} must be a whole number, 0 or more, got ${count}`);
}
function checkConfidence(confidence) {
    if (!(confidence > 0 && confidence < 1))
        throw new RangeError(`confidence must be between 0 and 1 (exclusive), got ${confidence}`);
}
/**
 * One-sided lower confidence bound on the mean hours to failure of a time-terminated test:
 * θ_L = 2T / χ²(confidence; 2r + 2), where χ²(p; k) is the p-quantile of chi-square with k degrees of freedom.
 * With r = 0, χ²(1 − α; 2) = −2 ln α, so θ_L = T / (−ln α) with α = 1 − confidence.
 *
 * @param exposureHours T, scenario hours (≥ 0)
 * @param failures r (whole number ≥ 0)
 * @param confidence 1 − α, default 0.95
 * @returns hours
 */
export function htfLowerBound(exposureHours, failures, confidence = 0.95) {
    checkExposure(exposureHours);
    checkCount('failures', failures);
    checkConfidence(confidence);
    return (2 * exposureHours) / jStat.chisquare.inv(confidence, 2 * failures + 2);
}
/**
 * One-sided upper confidence bound on the mean hours to failure: θ_U = 2T / χ²(1 − confidence; 2r).
 * Undefined when r = 0: with no failure, the mean could be arbitrarily long.
 *
 * @param exposureHours T, scenario hours (≥ 0)
 * @param failures r (whole number ≥ 0)
 * @param confidence 1 − α, default 0.95
 * @returns hours, or undefined when r = 0
 */
export function htfUpperBound(exposureHours, failures, confidence = 0.95) {
    checkExposure(exposureHours);
    checkCount('failures', failures);
    checkConfidence(confidence);
    if (failures === 0)
        return undefined;
    return (2 * exposureHours) / jStat.chisquare.inv(1 - confidence, 2 * failures);
}
/**
 * All hours-to-failure figures of an exposure: the seed's estimate T / max(r, 1) (censored when r = 0),
 * the lower bound 2T / χ²(confidence; 2r + 2) and, for r > 0, the upper bound 2T / χ²(1 − confidence; 2r).
 *
 * @param exposureHours T, scenario hours (≥ 0)
 * @param failures r (whole number ≥ 0)
 * @param confidence 1 − α of each one-sided bound, default 0.95
 */
export function hoursToFailure(exposureHours, failures, confidence = 0.95) {
    return {
        exposureHours,
        failures,
        confidence,
        estimate: exposureHours / Math.max(failures, 1),
        censored: failures === 0,
        lower: htfLowerBound(exposureHours, failures, confidence),
        upper: htfUpperBound(exposureHours, failures, confidence),
    };
}
/**
 * Test time needed to demonstrate a mean hours to failure of at least θ₀ at `confidence`, allowing `f`
 * failures (fixed-duration plan, MIL-HDBK-781A): T = θ₀ · χ²(confidence; 2f + 2) / 2. With f = 0 this is
 * θ₀ · (−ln α). Running that long with at most f failures gives θ_L ≥ θ₀.
 *
 * @param targetHours θ₀, scenario hours (> 0)
 * @param confidence 1 − α, default 0.95
 * @param allowedFailures f (whole number ≥ 0), default 0
 * @returns total exposure needed, scenario hours (for example instance count × hours per instance)
 */
export function demonstrationHours(targetHours, confidence = 0.95, allowedFailures = 0) {
    if (!Number.isFinite(targetHours) || targetHours <= 0)
        throw new RangeError(`target hours must be a finite number above 0, got ${targetHours}`);
    checkCount('allowed failures', allowedFailures);
    checkConfidence(confidence);
    return (targetHours * jStat.chisquare.inv(confidence, 2 * allowedFailures + 2)) / 2;
}
//# sourceMappingURL=hours-to-failure.js.map