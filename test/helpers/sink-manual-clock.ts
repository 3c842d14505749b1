import type { Clock, LongTimer } from '../../src/core/clock.js';
import { setLongTimeout, sleepLong } from '../../src/core/long-timer.js';

/**
 * A clock whose `now()` moves only when a test says so (`advance`), for deterministic token buckets.
 * Timers still run on real time at speed 1, so a latency or window of N scenario ms takes N wall ms.
 */
export class ManualClock implements Clock {
  readonly speed = 1;
  #now: number;

  constructor(start = Date.now()) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  advance(ms: number): void {
    this.#now += ms;
  }

  toWall(scenarioMs: number): number {
    return scenarioMs;
  }

  toScenario(wallMs: number): number {
    return wallMs;
  }

  setTimeout(fn: () => void, scenarioMs: number): LongTimer {
    return setLongTimeout(fn, scenarioMs);
  }

  setInterval(fn: () => void, scenarioMs: number): NodeJS.Timeout {
    return setInterval(fn, Math.max(1, scenarioMs));
  }

  sleep(scenarioMs: number, signal?: AbortSignal): Promise<void> {
    return sleepLong(scenarioMs, signal);
  }
}
