import { type LongTimer } from './long-timer.js';
export type { LongTimer } from './long-timer.js';
/**
 * The time source of everything in-process. Scenario time runs `speed` times faster than wall time, so a
 * scenario's durations (flush intervals, timeouts, toxic latencies, DNS stalls) are given in scenario ms
 * and the clock turns them into wall ms for the real timers. With speed 1 the two are the same.
 *
 * `now()` is an epoch time in scenario ms (it starts at the wall epoch when the clock is made), so it can
 * be used for record timestamps that a CloudWatch-like sink checks against its own `now()`.
 */
export interface Clock {
    readonly speed: number;
    /** Scenario epoch milliseconds (fractional). */
    now(): number;
    /** Wall milliseconds that a scenario duration takes. */
    toWall(scenarioMs: number): number;
    /** Scenario milliseconds that a wall duration covers. */
    toScenario(wallMs: number): number;
    /**
     * Runs `fn` once `scenarioMs` have passed, never earlier, however long (past the 24.8 days one Node timer
     * holds). Cancel with the handle's `clear()`.
     */
    setTimeout(fn: () => void, scenarioMs: number): LongTimer;
    setInterval(fn: () => void, scenarioMs: number): NodeJS.Timeout;
    /** Resolves after `scenarioMs`, never earlier, however long; rejects with the signal's reason if aborted first. */
    sleep(scenarioMs: number, signal?: AbortSignal): Promise<void>;
}
/**
 * Node timers cannot wait less than 1 ms, and on a busy 2-core machine they fire late by a few ms.
 * A scaled duration under this many wall ms cannot be timed faithfully (see `checkTimeable`).
 */
export declare const MIN_FAITHFUL_WALL_MS = 2;
/**
 * What it takes to make the same clock in another thread: `performance.now()` has a different origin in
 * each worker, so the start is kept as an absolute wall time (timeOrigin + now).
 */
export interface ClockSpec {
    speed: number;
    /** Scenario epoch ms at the start. */
    epochMs: number;
    /** Absolute wall ms (performance.timeOrigin + performance.now()) at the start. */
    wallStartMs: number;
}
/**
 * Scenario time running `speed` times faster than the wall clock from `epochMs`: every duration of a
 * scenario is scaled by it. A worker rebuilds its cell's clock with `ScaledClock.fromSpec(data.clock)`.
 */
export declare class ScaledClock implements Clock {
    #private;
    readonly speed: number;
    constructor(speed?: number, epochMs?: number, wallStartMs?: number);
    static fromSpec(spec: ClockSpec): ScaledClock;
    spec(): ClockSpec;
    now(): number;
    toWall(scenarioMs: number): number;
    toScenario(wallMs: number): number;
    setTimeout(fn: () => void, scenarioMs: number): LongTimer;
    setInterval(fn: () => void, scenarioMs: number): NodeJS.Timeout;
    sleep(scenarioMs: number, signal?: AbortSignal): Promise<void>;
}
/**
 * Waits until the clock reads `deadline` (scenario ms), never returning before it: resolves true once
 * `clock.now() >= deadline`, false as soon as `signal` aborts. The clock's own sleep is never early by
 * the monotonic clock; the loop covers clocks whose `now()` is not tied to it (and rounding).
 */
export declare function sleepUntil(clock: Clock, deadline: number, signal: AbortSignal): Promise<boolean>;
/** The real-time clock, for servers run on their own (`duress sink`, `duress proxy`). */
export declare const wallClock: Clock;
