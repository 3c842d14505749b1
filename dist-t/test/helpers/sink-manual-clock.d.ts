import type { Clock, LongTimer } from '../../src/core/clock.js';
/**
 * A clock whose `now()` moves only when a test says so (`advance`), for deterministic token buckets.
 * Timers still run on real time at speed 1, so a latency or window of N scenario ms takes N wall ms.
 */
export declare class ManualClock implements Clock {
    #private;
    readonly speed = 1;
    constructor(start?: number);
    now(): number;
    advance(ms: number): void;
    toWall(scenarioMs: number): number;
    toScenario(wallMs: number): number;
    setTimeout(fn: () => void, scenarioMs: number): LongTimer;
    setInterval(fn: () => void, scenarioMs: number): NodeJS.Timeout;
    sleep(scenarioMs: number, signal?: AbortSignal): Promise<void>;
}
