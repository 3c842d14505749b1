import type { Clock } from '../core/clock.js';
import type { Random } from '../core/random.js';
import { type JValue } from './go-json.js';
/**
 * A piece of data travelling through a link: what one socket read returned (or a slice of it).
 * `timestamp` is the scenario time (Clock.now()) at which the chunk was read from its socket; a toxic that
 * delays data may move it forward by the delay it applied, so a later toxic can count the time the chunk
 * already spent upstream in the chain (Toxiproxy's latency toxic does exactly that).
 */
export interface Chunk {
    data: Buffer;
    timestamp: number;
}
/** Returned by `ToxicStub.read` when the stub is being interrupted: the toxic must forward what it holds and return. */
export declare const INTERRUPTED: unique symbol;
/** Returned by `ToxicStub.read(timeoutMs)` when nothing arrived in time. */
export declare const TIMED_OUT: unique symbol;
/**
 * How a link ends. `eof`: the source half-closed (FIN) and everything before it was delivered. `close`: the
 * source closed, or a toxic ended the link. Either way, as in Toxiproxy, the whole connection is then
 * closed after the data already written is flushed: no half-close passes through (see Connection).
 * `reset`: both sockets are reset (RST), as reset_peer does.
 */
export type EndKind = 'eof' | 'close' | 'reset';
/**
 * What a toxic sees of the connection direction it runs on: one stub in a chain of stubs
 * (`source → [noop] → [toxic] → … → destination`). A toxic instance holds only its attributes; everything
 * per connection lives on the stub, so one toxic serves any number of connections.
 *
 * The rules every `pipe` must keep (see src/faults/CONTRACT.md):
 *
 * - **Interruptible.** `read` returns INTERRUPTED, `sleep` returns false and `signal` aborts when the stub
 *   is interrupted (a toxic was added, updated or removed on this direction, or the connection is going
 *   away). `pipe` must then return promptly. Every wait a toxic does must go through `read`, `sleep` or
 *   `write`, or watch `signal`.
 * - **Never drop data on the floor.** A chunk the toxic has read but not yet written when it is
 *   interrupted must be written (`write` never blocks once interrupted) before `pipe` returns. Only toxics
 *   whose purpose is to drop data (timeout, silent, limit_data, reset_peer) may discard it.
 * - **EOF.** `read` returns null when the source has ended and everything before has been read. The toxic
 *   calls `close()` (after whatever it wants to do at the end, e.g. slow_close waits first) and returns.
 *   EOF is sticky: if the toxic is interrupted before it closes, the next run reads null again.
 * - **Backpressure.** `write` resolves when the next stage can take more; await it before reading on.
 */
export interface ToxicStub {
    /** Times every toxic duration: attributes are scenario ms, the clock turns them into wall time. */
    readonly clock: Clock;
    /** Seeded randomness for jitter and the like, private to this connection direction. */
    readonly random: Random;
    /** Aborted when this run of the toxic is interrupted. */
    readonly signal: AbortSignal;
    /** The connection direction this stub runs on. */
    readonly direction: 'upstream' | 'downstream';
    /**
     * Per-connection state of a StatefulToxic (from `newState()`): made once when the toxic joins the
     * connection and kept across interruptions, until the toxic is removed or the connection ends.
     */
    state: unknown;
    /** The next chunk, null at EOF, or INTERRUPTED when interrupted. */
    read(): Promise<Chunk | null | typeof INTERRUPTED>;
    /** As `read()`, or TIMED_OUT if `timeoutMs` scenario ms pass first (undefined: no time limit). */
    read(timeoutMs: number | undefined): Promise<Chunk | null | typeof INTERRUPTED | typeof TIMED_OUT>;
    /** Passes a chunk on. Never loses it; waits for room downstream unless interrupted. */
    write(chunk: Chunk): Promise<void>;
    /** Waits `ms` scenario milliseconds through the clock, never less; false if interrupted first. */
    sleep(ms: number): Promise<boolean>;
    /**
     * Waits until `clock.now()` reaches `deadline` (scenario ms), never returning earlier (Node timers alone
     * can fire up to a millisecond early); true at once if it has passed, false if interrupted first.
     */
    sleepUntil(deadline: number): Promise<boolean>;
    /**
     * Ends this stub's output: everything written so far is delivered, then the link ends. Without an argument
     * the end passes on what the stub read (`eof` after a null read, else `close`); `reset` resets both sockets.
     */
    close(kind?: EndKind): void;
}
/** Attribute values of a toxic: JSON integers, by their snake_case wire names. */
export type Attributes = Record<string, number>;
/** How a toxic's attributes look on the wire and in Go's error messages. */
export interface AttributeSchema {
    /** The Go struct name Toxiproxy's errors mention, e.g. `LatencyToxic`. */
    goName: string;
    /** Attribute names in JSON output order, with the Go integer type (`int64` or `int`). */
    fields: readonly {
        key: string;
        kind: 'int64' | 'int';
    }[];
}
/**
 * A toxic: a fault applied to the data flowing in one direction of a proxy's connections.
 *
 * Implementations live one per file in src/faults/toxics/, named after the wire name in kebab-case, and
 * end with `registerToxicKind({ name: '<wire_name>', create: () => new XToxic(), … })` (toxic-kind.ts),
 * which registers the implementation here and its scenario fault kind. The instance holds the attributes (all
 * JSON integers, defaults 0 unless the toxic says otherwise); `pipe` runs once per connection direction
 * and again after every interruption, so it keeps per-connection values in locals or in `stub.state`.
 */
export interface Toxic<A extends Attributes = Attributes> {
    readonly schema: AttributeSchema;
    /** Current attribute values; the API layer writes decoded values here before the toxic joins a chain. */
    readonly attributes: A;
    /** Moves data from `stub.read()` to `stub.write()` until EOF (then `stub.close()`) or interruption. */
    pipe(stub: ToxicStub): Promise<void>;
}
/** A toxic whose input should be buffered: the number of chunks that may queue in front of it (latency: 1024). */
export interface BufferedToxic {
    bufferSize(): number;
}
/** A toxic with per-connection state kept across interruptions (limit_data counts bytes sent). */
export interface StatefulToxic<S = unknown> {
    newState(): S;
}
/**
 * A toxic that resets connections (reset_peer): when one is on a connection's chain as the connection
 * starts, the proxy sets its sockets to linger 0, so any later close is an RST too, as in Toxiproxy.
 */
export interface ResettingToxic {
    readonly resetsConnection: true;
}
export declare function isResetting(t: Toxic): t is Toxic & ResettingToxic;
/** A toxic that must act when it is removed from a live connection (timeout closes it). */
export interface CleanupToxic {
    cleanup(stub: ToxicStub): void;
}
export declare function isBuffered(t: Toxic): t is Toxic & BufferedToxic;
export declare function isStateful(t: Toxic): t is Toxic & StatefulToxic;
export declare function hasCleanup(t: Toxic): t is Toxic & CleanupToxic;
/** Makes a fresh toxic with default attributes. */
export type ToxicFactory = () => Toxic;
/**
 * Registers a toxic implementation under its Toxiproxy wire name (`latency`, `slow_close`, …) with the
 * proxy alone. A toxic that scenarios may use is registered with registerToxicKind instead, which calls this.
 */
export declare function registerToxic(wireName: string, factory: ToxicFactory): void;
/** A new instance of a registered toxic type, or undefined for an unknown type. */
export declare function createToxic(type: string): Toxic | undefined;
/** Registered wire names, sorted. */
export declare function toxicTypes(): string[];
/**
 * Decodes `value` (the request's `attributes`) onto the toxic's attributes as Go would: integers only,
 * unknown keys ignored, absent or null keys kept. Returns Go's error text (without the `bad request body: `
 * prefix) on a wrong type, leaving the attributes as they were.
 */
export declare function applyAttributes(toxic: Toxic, value: JValue): string | undefined;
/** A copy of a toxic (fresh instance of the same type, same attribute values), for updates. */
export declare function copyToxic(type: string, toxic: Toxic): Toxic | undefined;
/** Attributes in schema order, ready for JSON. */
export declare function attributeEntries(toxic: Toxic): [string, number][];
