/**
 * The interface of duress's HTTP load generator: what to send, how fast, and what comes back.
 *
 * Two models, as load testers name them:
 *
 * - **Open model** (`arrival` given; wrk2, k6's constant- and ramping-arrival-rate): requests arrive on a
 *   schedule that does not care how the target is doing. Each request has a *due time* from the schedule;
 *   it is sent at that time on a free connection, or as soon as one frees up. Its *corrected* latency runs
 *   from the due time, so a target that stalls pays for every request that should have been sent during the
 *   stall (no coordinated omission); its *uncorrected* latency runs from the moment it was handed to the
 *   connection, which is what a closed-model tool would have reported.
 * - **Closed model** (`arrival` absent; autocannon, wrk): each connection keeps `pipelining` requests in
 *   flight and sends the next as soon as one completes. There is no schedule, so there is only one latency,
 *   from send to response (reported as uncorrected; `corrected` is absent).
 *
 * Latency histograms are HDR histograms in microseconds with the explicit range of src/metrics/histogram.ts,
 * so that the parts made by worker threads merge without loss.
 */
export {};
//# sourceMappingURL=load-options.js.map