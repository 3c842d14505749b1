/**
 * A small, fast, seedable PRNG (xoshiro128**), so every random choice of a run (fault schedule, jitter,
 * payloads, toxicity rolls) can be repeated from the scenario's seed. Not for cryptography.
 */
export declare class Random {
    #private;
    constructor(seed: number);
    /** Uniform 32-bit unsigned integer. */
    nextUint32(): number;
    /** Uniform in [0, 1). */
    next(): number;
    /** Uniform in [min, max). */
    uniform(min: number, max: number): number;
    /** Uniform integer in [min, max]. */
    int(min: number, max: number): number;
    /** Exponentially distributed with the given mean. */
    exponential(mean: number): number;
    /** A generator for a sub-stream (an instance, a fault) that does not disturb this one's sequence. */
    fork(label: string | number): Random;
}
/** Derives a stable seed for a named sub-stream without consuming from a parent generator. */
export declare function deriveSeed(seed: number, ...labels: (string | number)[]): number;
