/**
 * The open model's schedule: the due time of the k-th request (k = 0, 1, 2, …) of a run whose arrival rate
 * moves linearly within each stage (k6's ramping-arrival-rate; a constant rate is one flat stage).
 *
 * With N(t) the number of arrivals expected by t (the integral of the rate), request k is due at the t where
 * N(t) = k, so request 0 is due at 0 and a constant rate R over D seconds makes exactly R·D requests due.
 * Several worker threads share one schedule: thread w of W takes the requests k ≡ w (mod W), so together
 * they send exactly the schedule and each alone sends an evenly spread 1/W of it.
 */
export class ArrivalSchedule {
    /** Each stage in ms: rate per ms at its start and end, start time, arrivals before it. */
    #stages = [];
    /** The schedule's length, ms. */
    durationMs;
    /** Arrivals in the whole schedule (fractional; the last request is k = ceil(total) - 1). */
    totalArrivals;
    #stage = 0;
    constructor(rate) {
        let r0 = rate.startRate / 1000;
        let start = 0;
        let before = 0;
        for (const s of rate.stages) {
            const r1 = s.target / 1000;
            this.#stages.push({ r0, r1, start, length: s.durationMs, before });
            before += ((r0 + r1) / 2) * s.durationMs;
            start += s.durationMs;
            r0 = r1;
        }
        this.durationMs = start;
        this.totalArrivals = before;
    }
    /**
     * The due time of request k, ms from the schedule's start, or undefined when it falls after the end.
     * Calls must come with k not decreasing (each thread walks its share in order).
     */
    dueAt(k) {
        if (k >= this.totalArrivals)
            return undefined;
        let s = this.#stages[this.#stage];
        while (s !== undefined && k >= s.before + ((s.r0 + s.r1) / 2) * s.length)
            s = this.#stages[++this.#stage];
        if (s === undefined)
            return undefined;
        // Inside the stage, arrivals after τ ms are r0·τ + a·τ² with a = (r1 − r0) / (2·length); solved for
        // τ in the form that stays exact when a is 0 (flat) or r0 is 0 (a ramp from nothing).
        const n = k - s.before;
        const a = (s.r1 - s.r0) / (2 * s.length);
        const tau = n === 0 ? 0 : (2 * n) / (s.r0 + Math.sqrt(s.r0 * s.r0 + 4 * a * n));
        return s.start + Math.min(tau, s.length);
    }
}
//# sourceMappingURL=arrival-schedule.js.map