import { AsyncLocalStorage } from 'node:async_hooks';
import type { Socket } from 'node:net';
import type { Clock, LongTimer } from '../../core/clock.js';

/**
 * Everything one instance owns inside a worker thread that may host several instances (shared-worker.ts):
 * its timers (through its own clock), its sockets, its DNS lookups and whatever else must end with it.
 * It is how `kill` and `pause` stay about one instance when its siblings share the thread:
 *
 * - `kill()` ends the instance at once, as `kill -9` ends a process: every timer cleared (and none armed
 *   again), every socket destroyed (the peer sees the connection close, as when the kernel closes a dead
 *   process's descriptors), every lookup dropped unanswered, every closer run. Code of the instance that
 *   was already queued (a promise continuation) may still run once, but it finds its clock dead and its
 *   sockets gone: it cannot reach the world any more, and nothing it does is reported (its port is closed).
 * - `freeze(wallMs)` holds the instance as SIGSTOP holds a process: its timers that come due are held
 *   until the thaw (an interval fires once, late, as a stopped process's would), its sockets stop reading
 *   (the kernel buffers fill, the peer sees a reader that has stopped), answers to its lookups are held,
 *   and it sends no heartbeat. What a scope cannot hold: a connection already under way finishes its
 *   handshake, and code already queued runs to its next wait. The siblings run on.
 *
 * The scope also names the instance that a callback belongs to (AsyncLocalStorage): an uncaught error is
 * charged to the instance whose code threw it, and only that instance dies (shared-worker.ts).
 */
export class InstanceScope {
  static readonly #storage = new AsyncLocalStorage<InstanceScope>();

  readonly id: string;
  readonly clock: Clock;
  #killed = false;
  #frozenUntil = 0;
  #thawTimer: NodeJS.Timeout | undefined;
  /** Callbacks that came due while frozen, run at the thaw in the order they came. */
  #held: (() => void)[] = [];
  readonly #timeouts = new Set<LongTimer>();
  readonly #intervals = new Set<NodeJS.Timeout>();
  readonly #sockets = new Set<Socket>();
  readonly #closers: (() => void)[] = [];
  readonly #thawListeners: (() => void)[] = [];

  constructor(id: string, base: Clock) {
    this.id = id;
    this.clock = this.#scopedClock(base);
  }

  /** The scope of the code running now, if it belongs to an instance. */
  static current(): InstanceScope | undefined {
    return InstanceScope.#storage.getStore();
  }

  get killed(): boolean {
    return this.#killed;
  }

  get frozen(): boolean {
    return this.#frozenUntil > 0;
  }

  /** Runs `fn` as this instance's code: everything it starts (timers, sockets, promises) stays attributed to it. */
  run<T>(fn: () => T): T {
    return InstanceScope.#storage.run(this, fn);
  }

  /**
   * Wraps a callback so that it runs only while the instance lives, and waits for the thaw while it is
   * frozen (the gate every held event source goes through).
   */
  gate<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
    return (...args: A) => {
      if (this.#killed) return;
      if (this.frozen) this.#held.push(() => fn(...args));
      else fn(...args);
    };
  }

  /** A socket of the instance: it stops reading while the instance is frozen and is destroyed by a kill. */
  track(socket: Socket): void {
    if (this.#killed) {
      socket.destroy();
      return;
    }
    this.#sockets.add(socket);
    socket.once('close', () => this.#sockets.delete(socket));
    // A socket still connecting starts reading once connected: a freeze under way stops it there.
    if (socket.connecting) socket.once('connect', () => this.frozen && readStop(socket));
    if (this.frozen) readStop(socket);
  }

  /** Runs `fn` when the instance is killed (its lookups' port closed, say). */
  onKill(fn: () => void): void {
    if (this.#killed) fn();
    else this.#closers.push(fn);
  }

  /** Runs `fn` at every thaw (after the held callbacks). */
  onThaw(fn: () => void): void {
    this.#thawListeners.push(fn);
  }

  /** Holds the instance for `wallMs` (the `pause` fault); a second freeze extends the first. */
  freeze(wallMs: number): void {
    if (this.#killed) return;
    const until = performance.now() + wallMs;
    if (until <= this.#frozenUntil) return;
    if (!this.frozen) for (const s of this.#sockets) readStop(s);
    this.#frozenUntil = until;
    clearTimeout(this.#thawTimer);
    this.#thawTimer = setTimeout(() => this.#thaw(), wallMs);
  }

  /** Ends the instance at once (see the class comment). Idempotent. */
  kill(): void {
    if (this.#killed) return;
    this.#killed = true;
    clearTimeout(this.#thawTimer);
    this.#frozenUntil = 0;
    this.#held = [];
    for (const t of this.#timeouts) t.clear();
    for (const t of this.#intervals) clearInterval(t);
    this.#timeouts.clear();
    this.#intervals.clear();
    for (const s of this.#sockets) s.destroy();
    this.#sockets.clear();
    for (const close of this.#closers.splice(0)) {
      try {
        close();
      } catch {
        // A closer that fails leaves nothing worse than a dead instance's resource; the kill goes on.
      }
    }
  }

  #thaw(): void {
    this.#thawTimer = undefined;
    this.#frozenUntil = 0;
    for (const s of this.#sockets) readStart(s);
    const held = this.#held;
    this.#held = [];
    for (const fn of held) {
      if (this.#killed || this.frozen) {
        // A kill or a new freeze from a held callback: what is left waits (or is dropped with the instance).
        if (!this.#killed) this.#held.push(fn);
        continue;
      }
      fn();
    }
    for (const fn of this.#thawListeners) fn();
  }

  /** The instance's clock: the base clock's time, its timers gated by the scope. */
  #scopedClock(base: Clock): Clock {
    const timeouts = this.#timeouts;
    const intervals = this.#intervals;
    const dead: LongTimer = { clear() {}, unref: () => dead, ref: () => dead };
    const setTimeoutScoped = (fn: () => void, scenarioMs: number): LongTimer => {
      if (this.#killed) return dead;
      const gated = this.gate(fn);
      const inner = base.setTimeout(() => {
        timeouts.delete(handle);
        gated();
      }, scenarioMs);
      const handle: LongTimer = {
        clear: () => {
          timeouts.delete(handle);
          inner.clear();
        },
        unref: () => (inner.unref(), handle),
        ref: () => (inner.ref(), handle),
      };
      timeouts.add(handle);
      return handle;
    };
    return {
      speed: base.speed,
      now: () => base.now(),
      toWall: (ms) => base.toWall(ms),
      toScenario: (ms) => base.toScenario(ms),
      setTimeout: setTimeoutScoped,
      setInterval: (fn, scenarioMs) => {
        // An interval that comes due while frozen fires once at the thaw, however many periods passed.
        let owed = false;
        const gated = this.gate(() => {
          owed = false;
          fn();
        });
        const timer = base.setInterval(() => {
          if (owed) return;
          if (this.frozen) owed = true;
          gated();
        }, scenarioMs);
        if (this.#killed) clearInterval(timer);
        else intervals.add(timer);
        return timer;
      },
      sleep: (scenarioMs, signal) =>
        new Promise<void>((resolve, reject) => {
          if (signal?.aborted) return reject(signal.reason);
          const timer = setTimeoutScoped(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          }, scenarioMs);
          const onAbort = (): void => {
            timer.clear();
            reject(signal?.reason);
          };
          signal?.addEventListener('abort', onAbort, { once: true });
        }),
    };
  }
}

/** The libuv handle behind a socket: reading stopped and started at the source, below the stream. */
interface ReadableHandle {
  readStop?(): number;
  readStart?(): number;
}

/**
 * Stops reading at the handle, as a stopped process reads nothing: the stream still believes it is
 * reading, so nothing in it starts the handle again until `readStart`.
 */
function readStop(socket: Socket): void {
  (socket as unknown as { _handle?: ReadableHandle | null })._handle?.readStop?.();
}

function readStart(socket: Socket): void {
  if (socket.destroyed || socket.connecting) return;
  (socket as unknown as { _handle?: ReadableHandle | null })._handle?.readStart?.();
}
