import type { Random } from '../../core/random.js';
/**
 * Fluent Bit's retry wait (scheduling-and-retries.md): full jitter, a random value in
 * [base, min(base * 2^attempt, cap)], in the same unit as base and cap.
 */
export declare function fullJitterBackoff(attempt: number, base: number, cap: number, random: Random): number;
