import { performance } from 'node:perf_hooks';

/**
 * Node's timers hold at most 2^31-1 ms (24.8 days); a longer delay becomes 1 ms with a
 * TimeoutOverflowWarning. Toxiproxy's attributes are Go durations, which hold centuries, so a real server
 * told `latency: 2592000000` (30 days) waits 30 days. These helpers wait that long by re-arming one chunk at
 * a time against a deadline on the monotonic clock; they never fire before the deadline.
 *
 * Where they belong (not wired here): ScaledClock.sleep and ScaledClock.setTimeout in src/engine/clock.ts,
 * which every toxic wait goes through (stub.sleep, stub.read(ms)), and the DNS stall timers.
 */

/** The longest delay one Node timer holds. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A pending long timeout. */
export interface LongTimer {
  /** Cancels it; the callback will not run. */
  clear(): void;
  /** As Timeout#unref: the pending wait does not keep the process alive. */
  unref(): LongTimer;
  ref(): LongTimer;
}

/**
 * Runs `fn` once `wallMs` wall milliseconds have passed, however long that is. NaN and negative delays are
 * 0, as for setTimeout. `chunkMs` is the longest single timer used (tests shrink it to see the re-arming).
 */
export function setLongTimeout(fn: () => void, wallMs: number, chunkMs: number = MAX_TIMER_MS): LongTimer {
  const deadline = performance.now() + (Number.isFinite(wallMs) && wallMs > 0 ? wallMs : wallMs === Infinity ? Infinity : 0);
  const chunk = Math.min(Math.max(1, chunkMs), MAX_TIMER_MS);
  let timer: NodeJS.Timeout | undefined;
  let referenced = true;
  const arm = (): void => {
    const remaining = deadline - performance.now();
    if (remaining <= 0) {
      timer = undefined;
      fn();
      return;
    }
    timer = setTimeout(arm, Math.min(remaining, chunk));
    if (!referenced) timer.unref();
  };
  // The first wait is armed now, as setTimeout does, even for 0.
  timer = setTimeout(arm, Math.min(Math.max(0, deadline - performance.now()), chunk));
  const handle: LongTimer = {
    clear() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
    unref() {
      referenced = false;
      timer?.unref();
      return handle;
    },
    ref() {
      referenced = true;
      timer?.ref();
      return handle;
    },
  };
  return handle;
}

/** Resolves after `wallMs` wall ms, however long; rejects with the signal's reason if aborted first. */
export function sleepLong(wallMs: number, signal?: AbortSignal, chunkMs: number = MAX_TIMER_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      timer.clear();
      reject(signal?.reason);
    };
    const timer = setLongTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      wallMs,
      chunkMs,
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
