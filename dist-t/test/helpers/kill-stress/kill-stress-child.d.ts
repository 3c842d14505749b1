/**
 * Run as its own process by kill-mid-lookup.test.ts (so that an abort shows as exit 134 or a signal
 * instead of taking the test runner down): starts `--kills N` lean instances (stress-worker.ts), each in
 * the middle of DNS lookups, of requests, or of a pause, and ends each with `worker.terminate()` (what
 * IsolatedInstance.kill does), `--concurrency C` at a time. Prints one JSON line (KillStressReport) and
 * exits 0; a worker that fails to reach its state in time is reported, not retried. `--dns-in-worker`
 * runs the design before issue 11 (lookups inside the worker), to see the abort this guards against.
 */
export interface KillStressReport {
    kills: number;
    /** Kills by what the instance was doing the moment it was killed (a kill may count under lookup and request). */
    byState: {
        lookup: number;
        request: number;
        pause: number;
    };
    /** Kills whose instance had not settled a single lookup or request yet. */
    beforeAnyAnswer: number;
    /** Instances that never reached the state they were started for within the wait. */
    notReached: number;
    /** Workers that ended with an error of their own (an uncaught error in the instance). */
    workerErrors: number;
    /** Wall ms from terminate() to the worker's exit: median, 99th percentile, max. */
    killWallMs: {
        median: number;
        p99: number;
        max: number;
    };
    /** Wall ms of the whole run. */
    wallMs: number;
}
