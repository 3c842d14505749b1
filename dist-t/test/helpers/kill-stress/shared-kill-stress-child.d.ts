/**
 * Run as its own process by kill-mid-lookup.test.ts and by `npm run bench` (so that an abort shows as exit
 * 134 or a signal instead of taking the caller down): `--kills N` lean instances (shared-stress-worker.ts)
 * in shared workers of `--per-worker P` instances each (WorkerHost, IsolatedInstance: the engine's own
 * code), `--workers W` of them, each instance killed in the middle of DNS lookups, of requests or of a
 * pause, and replaced at once in the same worker. Every `--terminate-every K`-th kill instead terminates
 * the instance's whole worker (what the engine does when a worker does not answer), ending its siblings
 * mid-lookup too, the path on which Node once aborted. Prints one JSON line (SharedKillStressReport).
 *
 * Faithfulness is checked as it goes: a paused instance's tick (its scope's clock) stands still while a
 * running sibling's moves on; a killed instance's tick never moves again; once all is done, the HTTP
 * server holds no connection of any killed instance.
 */
export interface SharedKillStressReport {
    /** Instances ended: by a kill in their worker, or with their worker. */
    kills: number;
    /** Of them, ended by terminating their whole worker. */
    terminated: number;
    byState: {
        lookup: number;
        request: number;
        pause: number;
    };
    beforeAnyAnswer: number;
    notReached: number;
    /** Instances that died on their own (an uncaught error charged to them, or their worker ended unasked). */
    died: number;
    /** The first few of those deaths, as the engine saw them. */
    deaths: string[];
    /** Pauses during which the paused instance's tick moved (it was not held). */
    pauseLeaks: number;
    /** Pauses during which no sibling's tick moved (the pause held the whole thread). */
    pauseHeldSiblings: number;
    /** Killed instances whose tick moved after the kill. */
    killLeaks: number;
    /** Connections still open at the HTTP server after every instance ended. */
    connectionsLeft: number;
    /** Worker threads started in all (a worker per instance would be `kills`). */
    workersStarted: number;
    wallMs: number;
    /** CPU time of this process (all its threads), ms. */
    cpuMs: number;
}
