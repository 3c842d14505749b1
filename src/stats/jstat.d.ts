/**
 * The few jStat functions duress uses. jstat ships no types; this covers only what src/stats calls.
 * jstat is CommonJS: `module.exports` is the jStat function object, reached by a default import.
 */
declare module 'jstat' {
  interface JStatStatic {
    chisquare: {
      /** P(X ≤ x) for X ~ χ²(dof). */
      cdf(x: number, dof: number): number;
      /** The x with P(X ≤ x) = p for X ~ χ²(dof). */
      inv(p: number, dof: number): number;
    };
    beta: {
      cdf(x: number, alpha: number, beta: number): number;
      /** The x with P(X ≤ x) = p for X ~ Beta(alpha, beta). */
      inv(p: number, alpha: number, beta: number): number;
    };
    /** ln Γ(x). */
    gammaln(x: number): number;
  }

  const jStat: JStatStatic;
  export = jStat;
}
