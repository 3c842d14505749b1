/**
 * Fluent Bit's retry wait (scheduling-and-retries.md): full jitter, a random value in
 * [base, min(base * 2^attempt, cap)], in the same unit as base and cap.
 */
export function fullJitterBackoff(attempt, base, cap, random) {
    const ceiling = Math.min(base * 2 ** attempt, cap);
    return ceiling <= base ? base : random.uniform(base, ceiling);
}
//# sourceMappingURL=backoff.js.map