import { performance } from 'node:perf_hooks';
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
export const MAX_TIMER_MS = 2 ** 31 - 1;
/** Below this many wall ms left, the wait is finished by yielding to the event loop instead of a timer. */
export const SPIN_BELOW_WALL_MS = 0.25;
/**
 * Runs `fn` once `wallMs` wall milliseconds have passed by the monotonic clock, however long that is, and
 * never before. NaN and negative delays are 0; Infinity never fires. `chunkMs` is the longest single timer
 * used (tests shrink it to see the re-arming).
 */
export function setLongTimeout(fn, wallMs, chunkMs = MAX_TIMER_MS) {
    const deadline = performance.now() + (wallMs > 0 ? wallMs : 0);
    const chunk = Math.min(Math.max(1, chunkMs), MAX_TIMER_MS);
    let timer;
    let immediate;
    let referenced = true;
    let cleared = false;
    const arm = () => {
        timer = immediate = undefined;
        if (cleared)
            return;
        const remaining = deadline - performance.now();
        if (remaining <= 0) {
            cleared = true;
            fn();
        }
        else if (remaining < SPIN_BELOW_WALL_MS) {
            immediate = setImmediate(arm);
            if (!referenced)
                immediate.unref();
        }
        else {
            timer = setTimeout(arm, Math.min(remaining, chunk));
            if (!referenced)
                timer.unref();
        }
    };
    // A delay of 0 is a timer, as setTimeout's is (callers may count on I/O being seen first).
    if (deadline - performance.now() < SPIN_BELOW_WALL_MS && wallMs > 0)
        immediate = setImmediate(arm);
    else
        timer = setTimeout(arm, Math.min(Math.max(0, deadline - performance.now()), chunk));
    const handle = {
        clear() {
            cleared = true;
            if (timer)
                clearTimeout(timer);
            if (immediate)
                clearImmediate(immediate);
            timer = immediate = undefined;
        },
        unref() {
            referenced = false;
            timer?.unref();
            immediate?.unref();
            return handle;
        },
        ref() {
            referenced = true;
            timer?.ref();
            immediate?.ref();
            return handle;
        },
    };
    return handle;
}
/** Resolves after `wallMs` wall ms, however long, never before; rejects with the signal's reason if aborted first. */
export function sleepLong(wallMs, signal, chunkMs = MAX_TIMER_MS) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(signal.reason);
            return;
        }
        const onAbort = () => {
            timer.clear();
            reject(signal?.reason);
        };
        const timer = setLongTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, wallMs, chunkMs);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
//# sourceMappingURL=long-timer.js.map