import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * This thread's own garbage collector, called on demand: what lets an instance worker find out what it
 * retains when it looks over its memory limit, instead of waiting for V8 to collect on its own
 * (worker-health.ts says when it is called).
 */
export interface IsolateCollector {
  /** A full (mark-sweep-compact) collection of this thread's heap, then `settle`. */
  full(): void;
  /**
   * A young-generation collection, then `settle` (about 1 ms in all on a broker's heap): frees what died
   * young, which is most garbage, without marking the old generation.
   */
  young(): void;
  /**
   * A young-generation collection (about 0.2 ms), which finalises the last collection's sweep of
   * ArrayBuffers. V8 frees dead ArrayBuffers' backing stores concurrently with a collection and books
   * them out of its external-memory figure only when that sweep is finalised, which the next collection
   * does: read before it, `external_memory` still counts the garbage just freed (measured on Node 20:
   * 50 MB retained and 10 MB freed read 60 MB right after the full collection, 50 MB after this).
   */
  settle(): void;
}

/** The options V8's `gc` function takes (its gc extension); without them it runs a full collection. */
type GcFunction = (options?: { type: 'major' | 'minor' }) => void;

/** Attempts at getting the collector when a sibling worker turned the flag off in between (see below). */
const ATTEMPTS = 5;

/**
 * The collector of the calling thread's isolate, or undefined when V8 does not give one (then the caller
 * must do without).
 *
 * A worker thread cannot be started with `--expose-gc` (V8 flags are the process's, and a Worker refuses
 * them in `execArgv`). V8 reads the flag when it creates a context, so it is turned on, a throwaway vm
 * context is made in this isolate (its `gc` collects this isolate, not the main thread's), and the flag is
 * turned off again at once: left on, it would give every context made later a `gc` global (an instance's
 * own code would see one), and workers booted while it is on were measured to cost about 5 ms more CPU
 * each. Another worker may turn it off between our two calls (threads run in parallel), so it is tried again.
 * The context stays alive with the function (about 150 KB of heap per worker).
 */
export function isolateCollector(): IsolateCollector | undefined {
  const gc = exposedGc();
  if (!gc) return undefined;
  return {
    full() {
      gc();
      gc({ type: 'minor' });
    },
    young() {
      gc({ type: 'minor' });
      gc({ type: 'minor' });
    },
    settle() {
      gc({ type: 'minor' });
    },
  };
}

function exposedGc(): GcFunction | undefined {
  const existing = (globalThis as { gc?: unknown }).gc;
  if (typeof existing === 'function') return existing as GcFunction;
  for (let i = 0; i < ATTEMPTS; i++) {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
    setFlagsFromString('--no-expose-gc');
    if (typeof gc === 'function') return gc as GcFunction;
  }
  return undefined;
}
