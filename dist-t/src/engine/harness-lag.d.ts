import type { Scenario } from '../scenario/types.js';
import type { HarnessEvent, IntervalLag } from '../journal/events.js';
/**
 * Harness lag: how late duress's own event loops ran. A timer or a socket read that fires late by L ms
 * of wall time stamps everything it handles L ms late, and the scaled clock turns that into L × speed ms
 * of scenario time: at speed 60 a 30 ms stall of duress reads as 1.8 s of the system's latency. So the
 * delay of the main thread (proxies, sink, ledger) and of every instance worker is measured
 * (perf_hooks.monitorEventLoopDelay), journaled each interval, and judged against what it could distort.
 */
/** Lag × speed at or above this share of the hang window or of a latency threshold is harness trouble. */
export declare const LAG_TROUBLE_SHARE = 0.5;
/**
 * Event-loop delay to expect of duress on a busy machine (a full collection, a burst of traffic through
 * the proxies), wall ms: a scenario whose latency threshold this lag × speed would approach is refused.
 */
export declare const EXPECTED_HARNESS_LAG_WALL_MS = 20;
/** The scenario's latency thresholds (p50 < 2s, max < 1m …): metric, expression and bound in scenario ms. */
export declare function latencyThresholds(s: Scenario): {
    expression: string;
    ms: number;
}[];
/** What lag × speed may not approach: the hang window, and each latency threshold (scenario ms). */
export declare function lagLimits(s: Scenario): {
    what: string;
    ms: number;
}[];
/**
 * A cell's lag monitor: the main thread's event-loop delay (its own histogram) and the worst delay any
 * of its instance workers reported since the last interval. `take` ends an interval: it returns the
 * interval's figures and journals a `harness` event when lag × speed reached LAG_TROUBLE_SHARE of the
 * hang window or of a latency threshold.
 */
export declare class HarnessLag {
    #private;
    constructor(o: {
        scenario: Scenario;
        cell: number;
        journal: (e: HarnessEvent) => void;
    });
    /** A worker's heartbeat: its worst loop delay since its last one (wall ms). */
    noteWorker(slot: number, delayMs: number): void;
    /** Ends an interval (at: scenario ms since the cell's start; wallMs: wall ms since then). */
    take(at: number, wallMs: number): IntervalLag;
    stop(): void;
}
