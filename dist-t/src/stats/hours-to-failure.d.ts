/**
 * Hours to failure (HTF) of a cell: the seed's figure and the chi-square confidence bounds on the mean
 * time between failures, for exponentially distributed times to failure (domain.md §5).
 *
 * Unit: every exposure and result here is in **scenario hours** (exposure is the sum of instance running
 * time in a cell, in scenario time; convert ms with `hoursFromMs`). Confidence is a fraction in (0, 1).
 */
export declare const MS_PER_HOUR = 3600000;
/** Scenario ms → scenario hours. */
export declare function hoursFromMs(ms: number): number;
/** What each figure means, written into results files and reports beside the numbers. */
export declare const HTF_DEFINITIONS: {
    readonly exposure: "T: the sum of instance running time in the cell, in scenario hours.";
    readonly failures: "r: failures observed during that exposure (crash, hang, silent loss, memory limit, broken SLO).";
    readonly htf: string;
    readonly htf_lower: string;
    readonly htf_upper: "One-sided upper confidence bound on the mean hours to failure, only when r > 0: 2T / chi2(1 - confidence; 2r).";
};
/** The hours-to-failure figures of one exposure. All hours are scenario hours. */
export interface HoursToFailure {
    /** T, scenario hours. */
    exposureHours: number;
    /** r. */
    failures: number;
    /** Confidence of both one-sided bounds, e.g. 0.95. */
    confidence: number;
    /** The seed's figure T / max(r, 1). */
    estimate: number;
    /** True when r = 0: the estimate is right-censored, the real mean is at least about it (rendered "+"). */
    censored: boolean;
    /** 2T / chi2(confidence; 2r + 2). */
    lower: number;
    /** 2T / chi2(1 - confidence; 2r); undefined when r = 0 (no upper bound exists). */
    upper: number | undefined;
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
export declare function htfLowerBound(exposureHours: number, failures: number, confidence?: number): number;
/**
 * One-sided upper confidence bound on the mean hours to failure: θ_U = 2T / χ²(1 − confidence; 2r).
 * Undefined when r = 0: with no failure, the mean could be arbitrarily long.
 *
 * @param exposureHours T, scenario hours (≥ 0)
 * @param failures r (whole number ≥ 0)
 * @param confidence 1 − α, default 0.95
 * @returns hours, or undefined when r = 0
 */
export declare function htfUpperBound(exposureHours: number, failures: number, confidence?: number): number | undefined;
/**
 * All hours-to-failure figures of an exposure: the seed's estimate T / max(r, 1) (censored when r = 0),
 * the lower bound 2T / χ²(confidence; 2r + 2) and, for r > 0, the upper bound 2T / χ²(1 − confidence; 2r).
 *
 * @param exposureHours T, scenario hours (≥ 0)
 * @param failures r (whole number ≥ 0)
 * @param confidence 1 − α of each one-sided bound, default 0.95
 */
export declare function hoursToFailure(exposureHours: number, failures: number, confidence?: number): HoursToFailure;
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
export declare function demonstrationHours(targetHours: number, confidence?: number, allowedFailures?: number): number;
