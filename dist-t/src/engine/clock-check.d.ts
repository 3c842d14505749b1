import type { Scenario } from '../scenario/types.js';
/**
 * The scenario's durations that the clock scales, with their key paths. Zero means "none" or "off"
 * for every one of these, so zeros are left out.
 */
export declare function scaledDurations(s: Scenario): {
    path: string;
    ms: number;
}[];
/**
 * The watchdog tells a hung instance from a busy one by its heartbeats (every 50 ms of wall time); a hang
 * window shorter than this much wall time would declare hangs out of scheduling noise.
 */
export declare const MIN_HANG_WINDOW_WALL_MS = 1000;
/**
 * Refuses a clock speed at which some scaled duration would fall below what this machine can time
 * faithfully (Node timers have 1 ms granularity and fire a few ms late under load), or at which the
 * hang window would be too short for the watchdog to judge.
 */
export declare function checkClockSpeed(s: Scenario, source: string): void;
