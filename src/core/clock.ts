import { performance } from 'node:perf_hooks';
import { setLongTimeout, sleepLong, type LongTimer } from './long-timer.js';

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
export const MIN_FAITHFUL_WALL_MS = 2;

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

/** This thread's timeOrigin: fixed for its life, and a getter call every time it is read. */
const TIME_ORIGIN = performance.timeOrigin;

function absoluteWallMs(): number {
  return TIME_ORIGIN + performance.now();
}

/**
 * Scenario time running `speed` times faster than the wall clock from `epochMs`: every duration of a
 * scenario is scaled by it. A worker rebuilds its cell's clock with `ScaledClock.fromSpec(data.clock)`.
 */
export class ScaledClock implements Clock {
  readonly speed: number;
  readonly #wallStart: number;
  readonly #epoch: number;

  constructor(speed = 1, epochMs: number = Date.now(), wallStartMs: number = absoluteWallMs()) {
    if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`clock speed must be a positive number, got ${speed}`);
    this.speed = speed;
    this.#wallStart = wallStartMs;
    this.#epoch = epochMs;
  }

  static fromSpec(spec: ClockSpec): ScaledClock {
    return new ScaledClock(spec.speed, spec.epochMs, spec.wallStartMs);
  }

  spec(): ClockSpec {
    return { speed: this.speed, epochMs: this.#epoch, wallStartMs: this.#wallStart };
  }

  now(): number {
    return this.#epoch + (absoluteWallMs() - this.#wallStart) * this.speed;
  }

  toWall(scenarioMs: number): number {
    return scenarioMs / this.speed;
  }

  toScenario(wallMs: number): number {
    return wallMs * this.speed;
  }

  setTimeout(fn: () => void, scenarioMs: number): LongTimer {
    return setLongTimeout(fn, this.toWall(scenarioMs));
  }

  setInterval(fn: () => void, scenarioMs: number): NodeJS.Timeout {
    return setInterval(fn, Math.max(1, this.toWall(scenarioMs)));
  }

  sleep(scenarioMs: number, signal?: AbortSignal): Promise<void> {
    return sleepLong(this.toWall(scenarioMs), signal);
  }
}

/**
 * Waits until the clock reads `deadline` (scenario ms), never returning before it: resolves true once
 * `clock.now() >= deadline`, false as soon as `signal` aborts. The clock's own sleep is never early by
 * the monotonic clock; the loop covers clocks whose `now()` is not tied to it (and rounding).
 */
export async function sleepUntil(clock: Clock, deadline: number, signal: AbortSignal): Promise<boolean> {
  for (;;) {
    if (signal.aborted) return false;
    const left = deadline - clock.now();
    if (left <= 0) return true;
    try {
      await clock.sleep(left, signal);
    } catch {
      return false;
    }
  }
}

/** The real-time clock, for servers run on their own (`duress sink`, `duress proxy`). */
export const wallClock: Clock = new ScaledClock(1);
