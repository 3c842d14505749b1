/** Decimal digits of a non-negative integer below 2^53. */
export declare function decimalDigits(value: number): number;
/**
 * Writes a non-negative integer below 2^53 in decimal ASCII at `offset`; returns the offset after it.
 * Hot paths use it instead of String(value): turning a 16-digit number into a string costs more than
 * writing its bytes. Exact: below 2^53 / 10 a double's rounding error is under 0.1, so floor(v / 10) is
 * the true quotient.
 */
export declare function writeDecimal(target: Uint8Array, offset: number, value: number): number;
