import { Registry } from 'prom-client';
import type { RunProgress } from '../engine/run.js';
/**
 * What a run tells Prometheus while it goes, so a long soak can be watched from Grafana: the engine calls
 * these as things happen, and the registry is served on an API server's /metrics (MetricsOptions.registry).
 * Durations are scenario time (the clock's), named as such; `cell` is the cell's name (a system variant).
 */
export interface RunMetricsFeed {
    /** Scenario seconds of instance lifetime accrued in a cell (the exposure that hours-to-failure divide). */
    exposure(cell: string, scenarioSeconds: number): void;
    /** One failure the watchdog declared, by kind (crash, hang, memory, loss…). */
    failure(cell: string, kind: string): void;
    /** Records that reached the sink. */
    delivered(cell: string, records: number): void;
    /** Records sent and not yet delivered or lost, now. */
    inFlight(cell: string, records: number): void;
    /** `count` records delivered with this latency, in scenario seconds. */
    latency(cell: string, scenarioSeconds: number, count?: number): void;
    /** The registry to serve. */
    readonly registry: Registry;
}
/** A RunMetricsFeed on its own registry (duress_* metric names). */
export declare function createRunMetrics(): RunMetricsFeed;
/**
 * Feeds a RunMetricsFeed from the run's once-a-second progress (RunOptions.onProgress), which carries
 * cumulative exposure, failure and delivery counts per cell: the increments go to the counters, and
 * generated minus delivered to in-flight. Progress does not say what kind a failure is, so these count under
 * `kind="any"`. Latency: the end-to-end histograms of the intervals journaled since the last progress, each
 * record at its HDR value (scenario time), so the run's histogram ends holding every record of the results'.
 */
export declare function progressFeeder(feed: RunMetricsFeed): (p: RunProgress) => void;
/**
 * An HTTP server of its own answering GET /metrics from `registry` (for `duress run`, whose embedded
 * Toxiproxy API is on a random port): loopback unless told otherwise. Resolves with its URL and a stop.
 */
export declare function serveMetrics(registry: Registry, opts?: {
    host?: string;
    port?: number;
}): Promise<{
    url: string;
    stop: () => Promise<void>;
}>;
