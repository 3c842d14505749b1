import { performance } from 'node:perf_hooks';
import { setLongTimeout, sleepLong } from './long-timer.js';
/**
 * Node timers cannot wait less than 1 ms, and on a busy 2-core machine they fire late by a few ms.
 * A scaled duration under this many wall ms cannot be timed faithfully (see `checkTimeable`).
 */
export const MIN_FAITHFUL_WALL_MS = 2;
/** This thread's timeOrigin: fixed for its life, and a getter call every time it is read. */
const TIME_ORIGIN = performance.timeOrigin;
function absoluteWallMs() {
    return TIME_ORIGIN + performance.now();
}
/**
 * Scenario time running `speed` times faster than the wall clock from `epochMs`: every duration of a
 * scenario is scaled by it. A worker rebuilds its cell's clock with `ScaledClock.fromSpec(data.clock)`.
 */
export class ScaledClock {
    speed;
    #wallStart;
    #epoch;
    constructor(speed = 1, epochMs = Date.now(), wallStartMs = absoluteWallMs()) {
        if (!(speed > 0) || !Number.isFinite(speed))
            throw new RangeError(`clock speed must be a positive number, got ${speed}`);
        this.speed = speed;
        this.#wallStart = wallStartMs;
        this.#epoch = epochMs;
    }
    static fromSpec(spec) {
        return new ScaledClock(spec.speed, spec.epochMs, spec.wallStartMs);
    }
    spec() {
        return { speed: this.speed, epochMs: this.#epoch, wallStartMs: this.#wallStart };
    }
    now() {
        return this.#epoch + (absoluteWallMs() - this.#wallStart) * this.speed;
    }
    toWall(scenarioMs) {
        return scenarioMs / this.speed;
    }
    toScenario(wallMs) {
        return wallMs * this.speed;
    }
    setTimeout(fn, scenarioMs) {
        return setLongTimeout(fn, this.toWall(scenarioMs));
    }
    setInterval(fn, scenarioMs) {
        return setInterval(fn, Math.max(1, this.toWall(scenarioMs)));
    }
    sleep(scenarioMs, signal) {
        return sleepLong(this.toWall(scenarioMs), signal);
    }
}
/**
 * Waits until the clock reads `deadline` (scenario ms), never returning before it: resolves true once
 * `clock.now() >= deadline`, false as soon as `signal` aborts. The clock's own sleep is never early by
 * the monotonic clock; the loop covers clocks whose `now()` is not tied to it (and rounding).
 */
export async function sleepUntil(clock, deadline, signal) {
    for (;;) {
        if (signal.aborted)
            return false;
        const left = deadline - clock.now();
        if (left <= 0)
            return true;
        try {
            await clock.sleep(left, signal);
        }
        catch {
            return false;
        }
    }
}
/** The real-time clock, for servers run on their own (`duress sink`, `duress proxy`). */
export const wallClock = new ScaledClock(1);
//# sourceMappingURL=clock.js.map