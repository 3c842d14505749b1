import jStat from 'jstat';
function checkCount(side, c) {
    if (!Number.isSafeInteger(c.failures) || c.failures < 0)
        throw new RangeError(`${side}: failures must be a whole number, 0 or more, got ${c.failures}`);
    if (!Number.isFinite(c.exposure) || c.exposure <= 0)
        throw new RangeError(`${side}: exposure must be a finite number above 0, got ${c.exposure}`);
}
function binomialPmfs(n, p) {
    const lnP = Math.log(p);
    const lnQ = Math.log1p(-p);
    const lnNFact = jStat.gammaln(n + 1);
    const pmfs = [];
    for (let k = 0; k <= n; k++) {
        pmfs.push(Math.exp(lnNFact - jStat.gammaln(k + 1) - jStat.gammaln(n - k + 1) + k * lnP + (n - k) * lnQ));
    }
    return pmfs;
}
// The two-sided p-value of R's binom.test: outcomes no more likely than the observed one, with a relative
// tolerance so that outcomes tied in exact arithmetic are not split by rounding.
const TIE_TOLERANCE = 1 + 1e-7;
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
export function compareRates(a, b, confidence = 0.95) {
    checkCount('A', a);
    checkCount('B', b);
    if (!(confidence > 0 && confidence < 1))
        throw new RangeError(`confidence must be between 0 and 1 (exclusive), got ${confidence}`);
    const x = a.failures;
    const n = a.failures + b.failures;
    const rateA = a.failures / a.exposure;
    const rateB = b.failures / b.exposure;
    const base = { a: { ...a }, b: { ...b }, rateA, rateB, confidence };
    if (n === 0)
        return { ...base, ratio: undefined, ratioLower: 0, ratioUpper: Infinity, pTwoSided: 1, pGreater: 1, pLess: 1 };
    const p0 = a.exposure / (a.exposure + b.exposure);
    const pmfs = binomialPmfs(n, p0);
    const observed = (pmfs[x] ?? 0) * TIE_TOLERANCE;
    let pTwoSided = 0;
    let pLess = 0;
    let pGreater = 0;
    pmfs.forEach((pmf, k) => {
        if (pmf <= observed)
            pTwoSided += pmf;
        if (k <= x)
            pLess += pmf;
        if (k >= x)
            pGreater += pmf;
    });
    const alpha = 1 - confidence;
    const pLower = x === 0 ? 0 : jStat.beta.inv(alpha / 2, x, n - x + 1);
    const pUpper = x === n ? 1 : jStat.beta.inv(1 - alpha / 2, x + 1, n - x);
    const scale = b.exposure / a.exposure;
    const toRatio = (p) => (p >= 1 ? Infinity : (p / (1 - p)) * scale);
    return {
        ...base,
        ratio: rateB === 0 ? Infinity : rateA / rateB,
        ratioLower: toRatio(pLower),
        ratioUpper: toRatio(pUpper),
        pTwoSided: Math.min(1, pTwoSided),
        pGreater: Math.min(1, pGreater),
        pLess: Math.min(1, pLess),
    };
}
//# sourceMappingURL=compare-rates.js.map