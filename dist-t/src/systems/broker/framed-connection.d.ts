import type { Socket } from 'node:net';
import type { Clock } from '../../core/clock.js';
import { type Frame } from './protocol.js';
/** Slot usage of one connection endpoint in sync-ack mode, for a watchdog to name stuck connections. */
export interface SlotState {
    /** Which endpoint: `broker/<client id>` on the broker's side, `<client id>` on the client's. */
    connection: string;
    /** Data frames sent and not yet acknowledged by the peer. */
    send: {
        used: number;
        total: number;
    };
    /** Frames read and not yet handled (acknowledgements included while they are processed). */
    recv: {
        used: number;
        total: number;
    };
    /** Scenario ms the oldest held slot of either pool has been held; 0 when none is held. */
    oldestWaitMs: number;
    /** Reading has stopped because no receive slot is free (what arrives next, acknowledgements included, waits). */
    readBlocked: boolean;
    /** The owner has data waiting for a free send slot. */
    sendBlocked: boolean;
}
export interface FramedConnectionOptions<T> {
    socket: Socket;
    clock: Clock;
    /** Names the endpoint in slot states and errors. */
    name: string;
    maxFrameBytes?: number;
    /** Userland bytes buffered in the socket at which `canSendData()` turns false. */
    writeHighWater?: number;
    /**
     * A data frame (PUB, MSG) was read. `release` must be called once it has been handled: in sync-ack mode
     * that frees its receive slot and acknowledges it; otherwise it does nothing.
     */
    onData(frame: Extract<Frame, {
        type: 'pub' | 'msg';
    }>, release: () => void): void;
    /** A control frame other than ACK was read. */
    onControl(frame: Exclude<Frame, {
        type: 'pub' | 'msg' | 'ack';
    }>): void;
    /** The peer acknowledged these data frames (their tags, oldest first). */
    onAcked?(tags: T[]): void;
    /** The socket can take more data (after backpressure or an acknowledgement). */
    onWritable?(): void;
    onClose(reason: string): void;
    /** The peer sent garbage, or a frame that breaks the protocol; the connection is being closed. */
    onProtocolError?(message: string): void;
    /** Data waiting for a send slot, as the owner counts it (for `slotState`). */
    pendingSend?(): number;
}
/**
 * A framed connection endpoint, used on both sides: decodes frames incrementally, reads them only while
 * its owner's gate is open and (in sync-ack mode) a receive slot is free, and writes frames with corking
 * so that one tick's frames leave in one system call.
 *
 * When reading stops, the socket is paused so that TCP backpressure reaches the peer; frames already
 * received stay in the decoder. In sync-ack mode every frame read takes a receive slot (libchirp reads
 * every message, acknowledgements included, into a slot): a data frame keeps it until handled, other
 * frames only while they are processed. A full receive pool therefore stops acknowledgements from being
 * read as well, which is what makes the lock-up of seeds/001 possible.
 */
export declare class FramedConnection<T = unknown> {
    #private;
    /** Names the endpoint; the broker renames its side once the client has said who it is. */
    name: string;
    readonly socket: Socket;
    /** Data frames read so far. */
    framesRead: number;
    constructor(options: FramedConnectionOptions<T>);
    get closed(): boolean;
    get syncAck(): boolean;
    /** Turns sync-ack mode on with `slots` slots in each pool (after the handshake). */
    enableSyncAck(slots: number): void;
    /** An extra condition for reading (backpressure, read rate); call `kick()` when it may have opened. */
    setReadGate(gate: () => boolean): void;
    /** Re-evaluates whether frames can be read now. */
    kick(): void;
    /** True when a data frame can be sent now: a send slot is free and the socket is not backed up. */
    canSendData(): boolean;
    /** Send slots free now (sync-ack mode); Infinity without sync-ack. */
    get freeSendSlots(): number;
    /** Userland bytes waiting in the socket. */
    get bufferedBytes(): number;
    /** Sends a data frame; in sync-ack mode it takes a send slot until the peer acknowledges it. */
    sendData(frame: Buffer, tag: T): void;
    /**
     * Sends several data frames at once: `chunks` are their bytes in order (a chunk may hold several whole
     * frames), `tags` one per frame. In sync-ack mode each frame takes a send slot; callers check the slots.
     * A few chunks are handed to the socket as they are (one vectored write, no copy); many are joined.
     */
    sendDataBatch(chunks: Buffer[], tags: readonly T[]): void;
    /** Sends a control frame (no slot, no backpressure check). */
    sendControl(frame: Buffer): void;
    /** Tags of data frames sent and not acknowledged (oldest first); they are forgotten. */
    takeUnacked(): T[];
    /** Closes at once, abandoning buffered data (a disconnect by policy, or teardown). */
    destroy(reason: string): void;
    /**
     * Tells the peer why, then closes: what is already buffered goes first, then an ERROR frame and the end
     * of the stream. A peer that does not read is cut off a second later.
     */
    fail(reason: string): void;
    slotState(): SlotState;
}
