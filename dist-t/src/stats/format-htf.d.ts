import type { HoursToFailure } from './hours-to-failure.js';
/**
 * Hours as the seed writes them, without the sign: two significant digits below 1 h (`0.083h`), one
 * decimal from 1 h to 10 h (`2.5h`, `3h`), whole hours from 10 h (`80h`, `3500h`). `∞h` for infinity.
 */
export declare function formatHours(hours: number): string;
/** 0.9 → `90%`, 0.995 → `99.5%`. */
export declare function formatConfidence(confidence: number): string;
/**
 * The seed's figure: `+3500h` when there was no failure (the real mean is at least that), `~80h` or
 * `~0.08h` otherwise (an estimate T / r).
 */
export declare function formatHtf(htf: Pick<HoursToFailure, 'estimate' | 'censored'>): string;
/**
 * A confidence bound: `≥ 1520h (90%)` for the lower bound, `≤ 300h (90%)` for the upper one.
 * Undefined for an upper bound that does not exist (no failures).
 */
export declare function formatHtfBound(htf: Pick<HoursToFailure, 'lower' | 'upper' | 'confidence'>, side?: 'lower' | 'upper'): string | undefined;
