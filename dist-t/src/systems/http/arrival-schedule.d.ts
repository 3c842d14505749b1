import type { ArrivalRate } from './load-options.js';
/**
 * The open model's schedule: the due time of the k-th request (k = 0, 1, 2, …) of a run whose arrival rate
 * moves linearly within each stage (k6's ramping-arrival-rate; a constant rate is one flat stage).
 *
 * With N(t) the number of arrivals expected by t (the integral of the rate), request k is due at the t where
 * N(t) = k, so request 0 is due at 0 and a constant rate R over D seconds makes exactly R·D requests due.
 * Several worker threads share one schedule: thread w of W takes the requests k ≡ w (mod W), so together
 * they send exactly the schedule and each alone sends an evenly spread 1/W of it.
 */
export declare class ArrivalSchedule {
    #private;
    /** The schedule's length, ms. */
    readonly durationMs: number;
    /** Arrivals in the whole schedule (fractional; the last request is k = ceil(total) - 1). */
    readonly totalArrivals: number;
    constructor(rate: ArrivalRate);
    /**
     * The due time of request k, ms from the schedule's start, or undefined when it falls after the end.
     * Calls must come with k not decreasing (each thread walks its share in order).
     */
    dueAt(k: number): number | undefined;
}
