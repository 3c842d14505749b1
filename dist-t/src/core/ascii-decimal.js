/** Decimal digits of a non-negative integer below 2^53. */
export function decimalDigits(value) {
    let digits = 1;
    for (let p = 10; value >= p; p *= 10)
        digits += 1;
    return digits;
}
/**
 * Writes a non-negative integer below 2^53 in decimal ASCII at `offset`; returns the offset after it.
 * Hot paths use it instead of String(value): turning a 16-digit number into a string costs more than
 * writing its bytes. Exact: below 2^53 / 10 a double's rounding error is under 0.1, so floor(v / 10) is
 * the true quotient.
 */
export function writeDecimal(target, offset, value) {
    const end = offset + decimalDigits(value);
    let i = end;
    let v = value;
    do {
        const q = Math.floor(v / 10);
        target[--i] = 48 + (v - q * 10);
        v = q;
    } while (v > 0);
    return end;
}
//# sourceMappingURL=ascii-decimal.js.map