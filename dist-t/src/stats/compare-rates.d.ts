/** Failures observed over an exposure. Both sides of a comparison must use the same exposure unit. */
export interface FailureCount {
    failures: number;
    /** Exposure (for example scenario hours); above 0. */
    exposure: number;
}
/** The comparison of two Poisson failure rates, A against B. */
export interface RateComparison {
    a: FailureCount;
    b: FailureCount;
    /** r_A / T_A, failures per exposure unit. */
    rateA: number;
    rateB: number;
    /**
     * (r_A / T_A) / (r_B / T_B): above 1 when A fails more often. Infinity when only A failed, 0 when only B
     * failed, undefined when neither failed.
     */
    ratio: number | undefined;
    /** Two-sided confidence of the interval. */
    confidence: number;
    /** Exact (Clopper-Pearson) interval for the ratio; [0, Infinity] when neither failed. */
    ratioLower: number;
    ratioUpper: number;
    /** H0: equal rates, against rates that differ (exact binomial test); 1 when neither failed. */
    pTwoSided: number;
    /** H0 against "A fails more often": P(X ≥ r_A). */
    pGreater: number;
    /** H0 against "A fails less often": P(X ≤ r_A). */
    pLess: number;
}
/**
 * Compares two failure rates with the exact conditional test. Given n = r_A + r_B failures in total, under
 * H0 (equal rates) r_A ~ Binomial(n, p0) with p0 = T_A / (T_A + T_B).
 *
 * - Two-sided p: Σ P(X = k) over every k with P(X = k) ≤ P(X = r_A) (the standard exact binomial test).
 * - One-sided: pGreater = P(X ≥ r_A), pLess = P(X ≤ r_A).
 * - Interval: the Clopper-Pearson interval [p_L, p_U] for the binomial proportion at `confidence`
 *   (p_L = Beta⁻¹(α/2; r_A, r_B + 1), p_U = Beta⁻¹(1 − α/2; r_A + 1, r_B), α = 1 − confidence), mapped to
 *   the rate ratio by R = p / (1 − p) · T_B / T_A.
 * - n = 0: no evidence either way; every p-value is 1, the ratio undefined, the interval [0, ∞].
 *
 * @param a failures and exposure of A (for example the patched variant)
 * @param b failures and exposure of B, in the same exposure unit as A
 * @param confidence two-sided confidence of the interval, default 0.95
 */
export declare function compareRates(a: FailureCount, b: FailureCount, confidence?: number): RateComparison;
