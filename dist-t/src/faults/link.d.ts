import type { Socket } from 'node:net';
import type { Clock } from '../core/clock.js';
import type { Random } from '../core/random.js';
import { type EndKind } from './toxic.js';
import type { Direction, ToxicWrapper } from './toxic-wrapper.js';
export interface LinkOptions {
    direction: Direction;
    source: Socket;
    dest: Socket;
    /** The direction's toxics at the time the link starts, in chain order (without the hidden noop). */
    toxics: readonly ToxicWrapper[];
    clock: Clock;
    random: Random;
    /** Called once, when everything before the end has been handed to `dest`. */
    onEnd: (kind: EndKind) => void;
    onToxicError?: (err: unknown) => void;
}
/**
 * One direction of one connection: `source → [noop] → [toxic] → … → dest`, a chain of stubs joined by
 * queues and headed by a hidden noop, as Toxiproxy's ToxicLink.
 *
 * ```
 *            NoopStub      LatencyStub
 *               v              v
 *   source > [queue] noop > [queue] latency > dest
 * ```
 *
 * While the chain holds nothing but the noop, the link is a plain pipe: each source chunk is written straight
 * to `dest` as it is read, with pause/resume backpressure at DIRECT_BUFFER_BYTES. Adding a toxic switches
 * to the chain at once: what was written to `dest` before is past the chain, as what Toxiproxy's noop had
 * already written is, and every later chunk goes through the chain behind it, so nothing can be reordered;
 * when the last toxic is removed the link goes back to the plain pipe once the chain has drained.
 *
 * Adding a toxic interrupts the last stub and re-points its output at the new stub; updating interrupts
 * and re-runs that stub; removing interrupts the stub and the one before it, moves what was queued for
 * the removed stub on to its output, and splices it out. Interrupted toxics forward what they hold, and
 * queues belong to the chain rather than to a run, so no byte is lost or reordered.
 */
export declare class Link {
    #private;
    readonly direction: Direction;
    constructor(opts: LinkOptions);
    /** Starts reading the source. */
    start(): void;
    /**
     * The source socket is being closed by the connection (the other direction ended): take nothing more
     * from it and end, after the chain delivered what it holds, as if the source had closed.
     */
    cutSource(): void;
    /** True while the link forwards without a stub chain (no toxics). */
    get direct(): boolean;
    addToxic(wrapper: ToxicWrapper): Promise<void>;
    updateToxic(wrapper: ToxicWrapper): Promise<void>;
    removeToxic(wrapper: ToxicWrapper): Promise<void>;
    /** Stops every stub; the connection is going away. */
    destroy(): void;
}
