import { monitorEventLoopDelay } from 'node:perf_hooks';
import { formatDuration } from '../core/units.js';
import { parseThreshold } from '../stats/thresholds-parser.js';
import { THRESHOLD_METRICS } from '../stats/threshold-metrics.js';
import { loopDelayMs } from '../systems/isolation/worker-health.js';
/**
 * Harness lag: how late duress's own event loops ran. A timer or a socket read that fires late by L ms
 * of wall time stamps everything it handles L ms late, and the scaled clock turns that into L × speed ms
 * of scenario time: at speed 60 a 30 ms stall of duress reads as 1.8 s of the system's latency. So the
 * delay of the main thread (proxies, sink, ledger) and of every instance worker is measured
 * (perf_hooks.monitorEventLoopDelay), journaled each interval, and judged against what it could distort.
 */
/** Lag × speed at or above this share of the hang window or of a latency threshold is harness trouble. */
export const LAG_TROUBLE_SHARE = 0.5;
/**
 * Event-loop delay to expect of duress on a busy machine (a full collection, a burst of traffic through
 * the proxies), wall ms: a scenario whose latency threshold this lag × speed would approach is refused.
 */
export const EXPECTED_HARNESS_LAG_WALL_MS = 20;
/** The main thread's loop-delay monitor's timer period, ms. */
const MAIN_RESOLUTION_MS = 10;
/** The scenario's latency thresholds (p50 < 2s, max < 1m …): metric, expression and bound in scenario ms. */
export function latencyThresholds(s) {
    const out = [];
    for (const text of s.thresholds) {
        const parsed = parseThreshold(text);
        if (parsed.ok && THRESHOLD_METRICS[parsed.threshold.metric].kind === 'latency')
            out.push({ expression: parsed.threshold.expression, ms: parsed.threshold.value });
    }
    return out;
}
/** What lag × speed may not approach: the hang window, and each latency threshold (scenario ms). */
export function lagLimits(s) {
    return [{ what: `failures.hangWindow (${formatDuration(s.failures.hangWindow)})`, ms: s.failures.hangWindow }, ...latencyThresholds(s).map((t) => ({ what: `threshold "${t.expression}"`, ms: t.ms }))].filter((l) => l.ms > 0);
}
/**
 * A cell's lag monitor: the main thread's event-loop delay (its own histogram) and the worst delay any
 * of its instance workers reported since the last interval. `take` ends an interval: it returns the
 * interval's figures and journals a `harness` event when lag × speed reached LAG_TROUBLE_SHARE of the
 * hang window or of a latency threshold.
 */
export class HarnessLag {
    #main;
    #speed;
    #limits;
    #journal;
    #cell;
    #workerMaxMs = 0;
    #workerSlot;
    /**
     * The histogram's `reset` forgets when its timer last ticked, so a stall that holds back `take` itself
     * (take runs on a timer too) would be lost with the tick in progress. A timer of our own measures its
     * lateness, and `take` counts how overdue it is at that moment.
     */
    #ticker;
    #tickAt = performance.now();
    #tickLateMaxMs = 0;
    #stopped = false;
    constructor(o) {
        this.#speed = o.scenario.clock.speed;
        this.#limits = lagLimits(o.scenario);
        this.#journal = o.journal;
        this.#cell = o.cell;
        this.#main = monitorEventLoopDelay({ resolution: MAIN_RESOLUTION_MS });
        this.#main.enable();
        this.#ticker = setInterval(() => {
            const now = performance.now();
            this.#tickLateMaxMs = Math.max(this.#tickLateMaxMs, now - this.#tickAt - MAIN_RESOLUTION_MS);
            this.#tickAt = now;
        }, MAIN_RESOLUTION_MS);
        this.#ticker.unref();
    }
    /** A worker's heartbeat: its worst loop delay since its last one (wall ms). */
    noteWorker(slot, delayMs) {
        if (delayMs > this.#workerMaxMs) {
            this.#workerMaxMs = delayMs;
            this.#workerSlot = slot;
        }
    }
    /** Ends an interval (at: scenario ms since the cell's start; wallMs: wall ms since then). */
    take(at, wallMs) {
        const h = this.#main;
        const now = performance.now();
        const overdueMs = this.#stopped ? 0 : now - this.#tickAt - MAIN_RESOLUTION_MS;
        const lag = {
            mainMaxMs: Math.max(loopDelayMs(h, h.max, MAIN_RESOLUTION_MS), this.#tickLateMaxMs, overdueMs),
            mainP99Ms: loopDelayMs(h, h.percentile(99), MAIN_RESOLUTION_MS),
            workerMaxMs: this.#workerMaxMs,
        };
        const slot = this.#workerSlot;
        h.reset();
        // Counted here, the stall under way is not counted again by the ticker's next tick.
        this.#tickAt = Math.max(this.#tickAt, now - MAIN_RESOLUTION_MS);
        this.#tickLateMaxMs = 0;
        this.#workerMaxMs = 0;
        this.#workerSlot = undefined;
        const worst = Math.max(lag.mainMaxMs, lag.workerMaxMs);
        const scenarioMs = worst * this.#speed;
        const hit = this.#limits.filter((l) => scenarioMs >= LAG_TROUBLE_SHARE * l.ms);
        if (hit.length > 0) {
            const where = lag.mainMaxMs >= lag.workerMaxMs ? "duress's main thread" : `the worker of instance slot ${slot ?? '?'}`;
            this.#journal({
                t: 'harness',
                cell: this.#cell,
                ...(lag.mainMaxMs < lag.workerMaxMs && slot !== undefined ? { slot } : {}),
                at,
                wallMs,
                kind: 'event-loop-lag',
                detail: `event loop of ${where} stalled ${worst.toFixed(0)} ms of wall time, ${formatDuration(Math.round(scenarioMs))} of scenario time at speed ${this.#speed}: ` +
                    `at least ${LAG_TROUBLE_SHARE * 100}% of ${hit.map((l) => l.what).join(', ')}`,
            });
        }
        return lag;
    }
    stop() {
        this.#stopped = true;
        clearInterval(this.#ticker);
        this.#main.disable();
    }
}
//# sourceMappingURL=harness-lag.js.map