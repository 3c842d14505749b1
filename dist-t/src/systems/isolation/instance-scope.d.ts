import type { Socket } from 'node:net';
import type { Clock } from '../../core/clock.js';
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
export declare class InstanceScope {
    #private;
    readonly id: string;
    readonly clock: Clock;
    constructor(id: string, base: Clock);
    /** The scope of the code running now, if it belongs to an instance. */
    static current(): InstanceScope | undefined;
    get killed(): boolean;
    get frozen(): boolean;
    /** Runs `fn` as this instance's code: everything it starts (timers, sockets, promises) stays attributed to it. */
    run<T>(fn: () => T): T;
    /**
     * Wraps a callback so that it runs only while the instance lives, and waits for the thaw while it is
     * frozen (the gate every held event source goes through).
     */
    gate<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
    /** A socket of the instance: it stops reading while the instance is frozen and is destroyed by a kill. */
    track(socket: Socket): void;
    /** Runs `fn` when the instance is killed (its lookups' port closed, say). */
    onKill(fn: () => void): void;
    /** Runs `fn` at every thaw (after the held callbacks). */
    onThaw(fn: () => void): void;
    /** Holds the instance for `wallMs` (the `pause` fault); a second freeze extends the first. */
    freeze(wallMs: number): void;
    /** Ends the instance at once (see the class comment). Idempotent. */
    kill(): void;
}
