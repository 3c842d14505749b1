/**
 * Wall-time waits that never end early and may be as long as a Go duration. Every timer of the clock
 * (ScaledClock.setTimeout and .sleep in src/core/clock.ts, so every toxic wait, DNS stall and retry timer)
 * goes through `setLongTimeout`; `sleepUntil` there waits for a scenario deadline on top of it.
 *
 * Two things a plain Node timer gets wrong, both handled here by re-arming against a deadline on the
 * monotonic clock (`performance.now()`) until it has passed:
 *  - Length. A Node timer holds at most 2^31-1 ms (24.8 days); a longer delay becomes 1 ms with a
 *    TimeoutOverflowWarning. Toxiproxy's attributes are Go durations, which hold centuries, so a real server
 *    told `latency: 2592000000` (30 days) waits 30 days. Long waits are armed one chunk at a time.
 *  - Earliness. Node starts a timer's countdown from the event loop's cached time (whole milliseconds, taken
 *    when the loop last woke), so a timer for `d` ms can fire up to about a millisecond before
 *    `performance.now()` says `d` ms have passed. After each timer the deadline is checked again.
 * A remainder under SPIN_BELOW_WALL_MS is waited for by yielding to the event loop (setImmediate) rather
 * than by a timer, which cannot wait less than 1 ms and would deliver most of a millisecond late; above it a
 * timer is re-armed (at most ~1 ms late, as Toxiproxy's own delivery is 0.3-0.7 ms late) rather than burning
 * the CPU for up to a millisecond.
 */
/** The longest delay one Node timer holds. */
export declare const MAX_TIMER_MS: number;
/** Below this many wall ms left, the wait is finished by yielding to the event loop instead of a timer. */
export declare const SPIN_BELOW_WALL_MS = 0.25;
/** A pending long timeout: what the clock's setTimeout returns. */
export interface LongTimer {
    /** Cancels it; the callback will not run. Safe to call more than once, and after it fired. */
    clear(): void;
    /** As Timeout#unref: the pending wait does not keep the process alive. */
    unref(): LongTimer;
    ref(): LongTimer;
}
/**
 * Runs `fn` once `wallMs` wall milliseconds have passed by the monotonic clock, however long that is, and
 * never before. NaN and negative delays are 0; Infinity never fires. `chunkMs` is the longest single timer
 * used (tests shrink it to see the re-arming).
 */
export declare function setLongTimeout(fn: () => void, wallMs: number, chunkMs?: number): LongTimer;
/** Resolves after `wallMs` wall ms, however long, never before; rejects with the signal's reason if aborted first. */
export declare function sleepLong(wallMs: number, signal?: AbortSignal, chunkMs?: number): Promise<void>;
