/**
 * The broker's wire protocol: length-prefixed binary frames over TCP.
 *
 *   u32 length (bytes after these four) | u8 type | fields
 *
 * Strings are u16 length + UTF-8; numbers are big-endian; `seq` and times are float64 (exact integers up
 * to 2^53, so a seq never wraps in a soak). A payload is the rest of the frame.
 *
 * | type | frame     | direction       | fields                                                      |
 * |------|-----------|-----------------|-------------------------------------------------------------|
 * | 1    | HELLO     | client → broker | u8 roles (1 publish, 2 subscribe), u16 sync-ack slots (0 = off), str client id |
 * | 2    | WELCOME   | broker → client | u16 sync-ack slots the broker uses (0 = off)                |
 * | 3    | SUB       | client → broker | str topic                                                   |
 * | 4    | SUBACK    | broker → client | str topic                                                   |
 * | 5    | PUB       | client → broker | str topic, f64 seq, f64 scheduled publish time, payload     |
 * | 6    | MSG       | broker → client | str topic, str publisher id, f64 seq, f64 scheduled time, payload |
 * | 7    | ACK       | both            | u32 count: acknowledges that many of the oldest unacknowledged PUB/MSG frames |
 * | 8    | ERROR     | both            | str message; the sender closes the connection after it      |
 * | 9    | CREDIT    | client → broker | u32 bytes: the subscriber can take that many more bytes of MSG frames |
 *
 * PUB and MSG are *data* frames: in sync-ack mode each one is acknowledged. Every other frame is control.
 *
 * Flow control towards subscribers is by credit (like NSQ's RDY or an AMQP prefetch, in bytes): the broker
 * writes MSG frames only while the subscriber has credit, and the subscriber returns credit as it reads.
 * The credit window stands for the subscriber's socket buffers, so that what a slow subscriber holds up
 * shows in the broker's inbox within a bounded window, not after megabytes of loopback kernel buffers.
 */
export declare const FrameType: {
    readonly hello: 1;
    readonly welcome: 2;
    readonly sub: 3;
    readonly suback: 4;
    readonly pub: 5;
    readonly msg: 6;
    readonly ack: 7;
    readonly error: 8;
    readonly credit: 9;
};
export type FrameType = (typeof FrameType)[keyof typeof FrameType];
export declare const Role: {
    readonly publish: 1;
    readonly subscribe: 2;
};
/** Frames larger than this are taken for garbage unless the decoder is told otherwise. */
export declare const DEFAULT_MAX_FRAME_BYTES: number;
/**
 * A decoded frame. A PUB or MSG payload is a Uint8Array view of the bytes received, not a Buffer: a Buffer
 * view costs about three times as much to make, and the broker makes one for every publication it routes.
 */
export type Frame = {
    type: 'hello';
    roles: number;
    slots: number;
    id: string;
} | {
    type: 'welcome';
    slots: number;
} | {
    type: 'sub';
    topic: string;
} | {
    type: 'suback';
    topic: string;
} | {
    type: 'pub';
    topic: string;
    seq: number;
    scheduledAt: number;
    payload: Uint8Array;
} | {
    type: 'msg';
    topic: string;
    publisherId: string;
    seq: number;
    scheduledAt: number;
    payload: Uint8Array;
    size: number;
} | {
    type: 'ack';
    count: number;
} | {
    type: 'error';
    message: string;
} | {
    type: 'credit';
    bytes: number;
};
/** A peer sent bytes that are not a valid frame; only that connection is closed. */
export declare class ProtocolError extends Error {
    constructor(message: string);
}
export declare function encodeHello(roles: number, slots: number, id: string): Buffer;
export declare function encodeWelcome(slots: number): Buffer;
export declare function encodeSub(topic: string): Buffer;
export declare function encodeSuback(topic: string): Buffer;
export declare function encodePub(topic: string, seq: number, scheduledAt: number, payload: Uint8Array): Buffer;
export declare function encodeMsg(topic: string, publisherId: string, seq: number, scheduledAt: number, payload: Uint8Array): Buffer;
export declare function encodeAck(count: number): Buffer;
export declare function encodeCredit(bytes: number): Buffer;
export declare function encodeError(message: string): Buffer;
/**
 * Incremental frame decoder: feed it TCP chunks as they come (split or merged anywhere), take whole frames
 * out one at a time. Bytes of frames not yet taken stay buffered, so a reader can stop taking frames
 * (backpressure, no free slot) and resume later without losing any.
 *
 * Garbage (a zero or oversized length, an unknown type, a field running past its frame, trailing bytes)
 * throws a ProtocolError from `next()`; the decoder is then poisoned and the connection must be closed.
 */
export declare class FrameDecoder {
    #private;
    constructor(maxFrameBytes?: number);
    /** Bytes received and not yet taken as frames. */
    get buffered(): number;
    push(chunk: Buffer): void;
    /** The next whole frame, or undefined when more bytes are needed. */
    next(): Frame | undefined;
    /** Size on the wire (header included) of the frame `next()` would return, or undefined if incomplete. */
    peekSize(): number | undefined;
}
/** True for frames that are acknowledged in sync-ack mode. */
export declare function isDataFrame(frame: Frame): frame is Extract<Frame, {
    type: 'pub' | 'msg';
}>;
