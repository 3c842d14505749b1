import { performance } from 'node:perf_hooks';
import type { Clock } from '../engine/clock.js';

/**
 * Below this many wall ms left, waiting is done by yielding to the event loop (setImmediate) rather than
 * by a timer: a Node timer cannot wait less than 1 ms, so re-arming one for a 0.1 ms remainder would
 * deliver most of a millisecond late. Above it a timer is re-armed (at most ~1 ms late, as Toxiproxy's
 * own delivery is 0.3-0.7 ms late), rather than burning the CPU for up to a millisecond.
 */
const SPIN_BELOW_WALL_MS = 0.25;
/** A yield loop never runs longer than this past its expected end (guards clocks that do not advance). */
const SPIN_GUARD_WALL_MS = 5;
/** The longest a Node timer can be armed for (a longer one fires after 1 ms instead). */
const MAX_TIMER_WALL_MS = 2 ** 31 - 1;

/**
 * Waits until the clock reads `deadline` (scenario ms), never returning before it: resolves true once
 * `clock.now() >= deadline`, false as soon as `signal` aborts.
 *
 * A plain timer is not enough: Node starts a timer's countdown from the event loop's cached time (whole
 * milliseconds, taken when the loop last woke), so a timer for `d` ms can fire up to about a millisecond
 * before `performance.now()` says `d` ms have passed. So after the timer fires the clock is read again and
 * the remainder is waited for: with a new timer, or by yielding when very little is left.
 */
export async function sleepUntil(clock: Clock, deadline: number, signal: AbortSignal): Promise<boolean> {
  for (;;) {
    if (signal.aborted) return false;
    const left = deadline - clock.now();
    if (left <= 0) return true;
    const leftWall = clock.toWall(left);
    if (leftWall < SPIN_BELOW_WALL_MS) return yieldUntil(clock, deadline, signal, performance.now() + leftWall + SPIN_GUARD_WALL_MS);
    try {
      await clock.sleep(Math.min(left, clock.toScenario(MAX_TIMER_WALL_MS)), signal);
    } catch {
      return false;
    }
  }
}

async function yieldUntil(clock: Clock, deadline: number, signal: AbortSignal, guardWall: number): Promise<boolean> {
  while (clock.now() < deadline && performance.now() < guardWall) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (signal.aborted) return false;
  }
  return !signal.aborted;
}
