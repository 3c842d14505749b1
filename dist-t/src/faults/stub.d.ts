import { type Clock } from '../core/clock.js';
import type { Random } from '../core/random.js';
import { INTERRUPTED, TIMED_OUT, type Chunk, type EndKind, type Toxic, type ToxicStub } from './toxic.js';
/** Where a stub writes: the next stub's input queue, or the link's destination socket. */
export interface Outlet {
    /** Takes the chunk (always; after `end` it is discarded). False when over the high-water mark. */
    push(chunk: Chunk): boolean;
    /** No more chunks will come; idempotent, the first kind wins. */
    end(kind: EndKind): void;
    /** Resolves once there is room again, the outlet ended, or `signal` aborted. */
    drained(signal: AbortSignal): Promise<void>;
}
/** A bounded FIFO of chunks between two stages of a link, with one reader and a sticky end marker. */
export declare class ChunkQueue implements Outlet {
    #private;
    readonly capacity: number;
    /** Called when the queue goes from full to not full (the link resumes its source socket). */
    onDrain: (() => void) | null;
    /** Called once when the queue becomes empty, then cleared. */
    onEmpty: (() => void) | null;
    constructor(capacity: number);
    get length(): number;
    get full(): boolean;
    get endKind(): EndKind | null;
    push(chunk: Chunk): boolean;
    end(kind: EndKind): void;
    /** The next chunk; null once ended and empty; undefined when empty but not ended. */
    shift(): Chunk | null | undefined;
    /** Removes and returns every queued chunk (the end marker stays). */
    takeAll(): Chunk[];
    /** Registers the single reader's wake-up for the next push or end; replaces any earlier one. */
    waitReadable(wake: (() => void) | null): void;
    drained(signal: AbortSignal): Promise<void>;
}
/** The per-connection, per-direction seat of one toxic in a link's chain; see ToxicStub for the contract. */
export declare class Stub implements ToxicStub {
    #private;
    input: ChunkQueue;
    output: Outlet;
    state: unknown;
    readonly clock: Clock;
    readonly random: Random;
    readonly direction: 'upstream' | 'downstream';
    constructor(opts: {
        input: ChunkQueue;
        output: Outlet;
        clock: Clock;
        random: Random;
        direction: 'upstream' | 'downstream';
    });
    get signal(): AbortSignal;
    get closed(): boolean;
    get running(): boolean;
    /** Starts `toxic.pipe` on this stub; a pipe that throws closes the stub rather than stalling the link. */
    run(toxic: Toxic, onError: (err: unknown) => void): void;
    /**
     * Stops the running toxic so it can be replaced; waits until its pipe returned (having forwarded what it
     * held). False if the stub is closed, as Toxiproxy's InterruptToxic.
     */
    interrupt(): Promise<boolean>;
    /** Stops everything for good without ending the output (the connection is being torn down). */
    kill(): void;
    read(): Promise<Chunk | null | typeof INTERRUPTED>;
    read(timeoutMs: number | undefined): Promise<Chunk | null | typeof INTERRUPTED | typeof TIMED_OUT>;
    write(chunk: Chunk): Promise<void>;
    sleep(ms: number): Promise<boolean>;
    sleepUntil(deadline: number): Promise<boolean>;
    close(kind?: EndKind): void;
}
