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

import { StringCache } from './string-cache.js';

export const FrameType = {
  hello: 1,
  welcome: 2,
  sub: 3,
  suback: 4,
  pub: 5,
  msg: 6,
  ack: 7,
  error: 8,
  credit: 9,
} as const;
export type FrameType = (typeof FrameType)[keyof typeof FrameType];

export const Role = { publish: 1, subscribe: 2 } as const;

/** Frames larger than this are taken for garbage unless the decoder is told otherwise. */
export const DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;
const HEADER = 4;

/**
 * A decoded frame. A PUB or MSG payload is a Uint8Array view of the bytes received, not a Buffer: a Buffer
 * view costs about three times as much to make, and the broker makes one for every publication it routes.
 */
export type Frame =
  | { type: 'hello'; roles: number; slots: number; id: string }
  | { type: 'welcome'; slots: number }
  | { type: 'sub'; topic: string }
  | { type: 'suback'; topic: string }
  | { type: 'pub'; topic: string; seq: number; scheduledAt: number; payload: Uint8Array }
  | { type: 'msg'; topic: string; publisherId: string; seq: number; scheduledAt: number; payload: Uint8Array; size: number }
  | { type: 'ack'; count: number }
  | { type: 'error'; message: string }
  | { type: 'credit'; bytes: number };

/** A peer sent bytes that are not a valid frame; only that connection is closed. */
export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}

function strBytes(s: string): number {
  return 2 + Buffer.byteLength(s);
}

class Writer {
  readonly buf: Buffer;
  #at = HEADER;

  constructor(bodyBytes: number, type: FrameType) {
    this.buf = Buffer.allocUnsafe(HEADER + bodyBytes);
    this.buf.writeUInt32BE(bodyBytes, 0);
    this.u8(type);
  }

  u8(v: number): this {
    this.#at = this.buf.writeUInt8(v, this.#at);
    return this;
  }

  u16(v: number): this {
    this.#at = this.buf.writeUInt16BE(v, this.#at);
    return this;
  }

  u32(v: number): this {
    this.#at = this.buf.writeUInt32BE(v, this.#at);
    return this;
  }

  f64(v: number): this {
    this.#at = this.buf.writeDoubleBE(v, this.#at);
    return this;
  }

  str(s: string): this {
    const n = this.buf.write(s, this.#at + 2);
    if (n > 0xffff) throw new RangeError('protocol: string longer than 65535 bytes');
    this.buf.writeUInt16BE(n, this.#at);
    this.#at += 2 + n;
    return this;
  }

  bytes(b: Uint8Array): this {
    this.buf.set(b, this.#at);
    this.#at += b.length;
    return this;
  }
}

export function encodeHello(roles: number, slots: number, id: string): Buffer {
  return new Writer(1 + 1 + 2 + strBytes(id), FrameType.hello).u8(roles).u16(slots).str(id).buf;
}

export function encodeWelcome(slots: number): Buffer {
  return new Writer(1 + 2, FrameType.welcome).u16(slots).buf;
}

export function encodeSub(topic: string): Buffer {
  return new Writer(1 + strBytes(topic), FrameType.sub).str(topic).buf;
}

export function encodeSuback(topic: string): Buffer {
  return new Writer(1 + strBytes(topic), FrameType.suback).str(topic).buf;
}

export function encodePub(topic: string, seq: number, scheduledAt: number, payload: Uint8Array): Buffer {
  return new Writer(1 + strBytes(topic) + 16 + payload.length, FrameType.pub).str(topic).f64(seq).f64(scheduledAt).bytes(payload).buf;
}

export function encodeMsg(topic: string, publisherId: string, seq: number, scheduledAt: number, payload: Uint8Array): Buffer {
  return new Writer(1 + strBytes(topic) + strBytes(publisherId) + 16 + payload.length, FrameType.msg)
    .str(topic)
    .str(publisherId)
    .f64(seq)
    .f64(scheduledAt)
    .bytes(payload).buf;
}

export function encodeAck(count: number): Buffer {
  return new Writer(1 + 4, FrameType.ack).u32(count).buf;
}

export function encodeCredit(bytes: number): Buffer {
  return new Writer(1 + 4, FrameType.credit).u32(bytes).buf;
}

export function encodeError(message: string): Buffer {
  return new Writer(1 + strBytes(message.slice(0, 1000)), FrameType.error).str(message.slice(0, 1000)).buf;
}

/**
 * Reads the fields of one frame body; every read is bounds-checked against the frame. One reader serves
 * every frame of a decoder (`reset`), and strings that repeat (topics, client ids) come from its cache.
 */
class Reader {
  #buf: Buffer = Buffer.alloc(0);
  /**
   * `#buf`'s memory and a DataView on it, made once per buffer: payload views are made from the memory
   * without asking the buffer for it every frame, and numbers read without Buffer's argument checks
   * (every read is checked against its frame here).
   */
  #memory: ArrayBufferLike = this.#buf.buffer;
  #offset = 0;
  #view = new DataView(this.#memory, 0, 0);
  #at = 0;
  #end = 0;
  #type = '';
  readonly #strings = new StringCache();

  /** The bytes the next frames are read from (the decoder's buffer, when it changes). */
  use(buf: Buffer): void {
    this.#buf = buf;
    this.#memory = buf.buffer;
    this.#offset = buf.byteOffset;
    this.#view = new DataView(this.#memory, this.#offset, buf.length);
  }

  /** The buffer in use, as a DataView. */
  get view(): DataView {
    return this.#view;
  }

  /** The big-endian u32 at `at` of the buffer in use (a frame's length). */
  u32At(at: number): number {
    return this.#view.getUint32(at);
  }

  /** The byte at `at` of the buffer in use (a frame's type). */
  u8At(at: number): number {
    return this.#view.getUint8(at);
  }

  /** Reads the frame body `[start, end)` of the buffer in use next. */
  reset(start: number, end: number, type: string): this {
    this.#at = start;
    this.#end = end;
    this.#type = type;
    return this;
  }

  #need(n: number): number {
    const at = this.#at;
    if (at + n > this.#end) throw new ProtocolError(`${this.#type} frame is truncated (needs ${at + n - this.#end} more bytes)`);
    this.#at += n;
    return at;
  }

  u8(): number {
    return this.#view.getUint8(this.#need(1));
  }

  u16(): number {
    return this.#view.getUint16(this.#need(2));
  }

  u32(): number {
    return this.#view.getUint32(this.#need(4));
  }

  f64(): number {
    const v = this.#view.getFloat64(this.#need(8));
    if (!Number.isFinite(v)) throw new ProtocolError(`${this.#type} frame carries a non-finite number`);
    return v;
  }

  seq(): number {
    const v = this.f64();
    if (!Number.isInteger(v) || v < 0) throw new ProtocolError(`${this.#type} frame carries an invalid seq ${v}`);
    return v;
  }

  str(): string {
    const n = this.u16();
    const at = this.#need(n);
    return this.#strings.read(this.#buf, at, n);
  }

  rest(): Uint8Array {
    const at = this.#at;
    this.#at = this.#end;
    return new Uint8Array(this.#memory, this.#offset + at, this.#end - at);
  }

  done(): void {
    if (this.#at !== this.#end) throw new ProtocolError(`${this.#type} frame has ${this.#end - this.#at} unexpected trailing bytes`);
  }
}

/**
 * Incremental frame decoder: feed it TCP chunks as they come (split or merged anywhere), take whole frames
 * out one at a time. Bytes of frames not yet taken stay buffered, so a reader can stop taking frames
 * (backpressure, no free slot) and resume later without losing any.
 *
 * Garbage (a zero or oversized length, an unknown type, a field running past its frame, trailing bytes)
 * throws a ProtocolError from `next()`; the decoder is then poisoned and the connection must be closed.
 */
export class FrameDecoder {
  readonly #maxFrame: number;
  #buf: Buffer = Buffer.alloc(0);
  #at = 0;
  #error: ProtocolError | undefined;
  readonly #reader = new Reader();

  constructor(maxFrameBytes = DEFAULT_MAX_FRAME_BYTES) {
    this.#maxFrame = maxFrameBytes;
  }

  /** Bytes received and not yet taken as frames. */
  get buffered(): number {
    return this.#buf.length - this.#at;
  }

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    if (this.#at >= this.#buf.length) this.#buf = chunk;
    else this.#buf = Buffer.concat([this.#buf.subarray(this.#at), chunk]);
    this.#at = 0;
    this.#reader.use(this.#buf);
  }

  /** The next whole frame, or undefined when more bytes are needed. */
  next(): Frame | undefined {
    if (this.#error) throw this.#error;
    try {
      return this.#next();
    } catch (e) {
      if (e instanceof ProtocolError) this.#error = e;
      throw e;
    }
  }

  /**
   * For a reader that takes frames in place (pub-run.ts): the bytes not yet taken are `[offset, end)` of
   * `bytes` (`view` is a DataView on `bytes`); `skip` takes whole frames it has read. Nothing is left to
   * take from a decoder that has thrown.
   */
  get bytes(): Buffer {
    return this.#buf;
  }

  get view(): DataView {
    return this.#reader.view;
  }

  get offset(): number {
    return this.#error ? this.#buf.length : this.#at;
  }

  get maxFrameBytes(): number {
    return this.#maxFrame;
  }

  /** Moves past `bytes` of whole frames already read in place (a run of PUBs). */
  consume(bytes: number): void {
    this.#at += bytes;
  }

  /** Size on the wire (header included) of the frame `next()` would return, or undefined if incomplete. */
  peekSize(): number | undefined {
    if (this.buffered < HEADER) return undefined;
    const len = this.#buf.readUInt32BE(this.#at);
    return this.buffered >= HEADER + len ? HEADER + len : undefined;
  }

  #next(): Frame | undefined {
    const avail = this.buffered;
    if (avail < HEADER) return undefined;
    const len = this.#reader.u32At(this.#at);
    if (len === 0 || len > this.#maxFrame) throw new ProtocolError(`frame length ${len} is out of range (1..${this.#maxFrame})`);
    if (avail < HEADER + len) return undefined;
    const start = this.#at + HEADER;
    const end = start + len;
    this.#at = end;
    const type = this.#reader.u8At(start);
    return decodeBody(this.#reader, type, start + 1, end, HEADER + len);
  }
}

function decodeBody(reader: Reader, type: number, start: number, end: number, size: number): Frame {
  switch (type) {
    case FrameType.hello: {
      const r = reader.reset(start, end, 'HELLO');
      const roles = r.u8();
      const slots = r.u16();
      const id = r.str();
      r.done();
      if (roles === 0 || roles > 3) throw new ProtocolError(`HELLO frame has invalid roles ${roles}`);
      if (id.length === 0) throw new ProtocolError('HELLO frame has an empty client id');
      return { type: 'hello', roles, slots, id };
    }
    case FrameType.welcome: {
      const r = reader.reset(start, end, 'WELCOME');
      const slots = r.u16();
      r.done();
      return { type: 'welcome', slots };
    }
    case FrameType.sub:
    case FrameType.suback: {
      const r = reader.reset(start, end, type === FrameType.sub ? 'SUB' : 'SUBACK');
      const topic = r.str();
      r.done();
      if (topic.length === 0) throw new ProtocolError('SUB/SUBACK frame has an empty topic');
      return { type: type === FrameType.sub ? 'sub' : 'suback', topic };
    }
    case FrameType.pub: {
      const r = reader.reset(start, end, 'PUB');
      const topic = r.str();
      const seq = r.seq();
      const scheduledAt = r.f64();
      return { type: 'pub', topic, seq, scheduledAt, payload: r.rest() };
    }
    case FrameType.msg: {
      const r = reader.reset(start, end, 'MSG');
      const topic = r.str();
      const publisherId = r.str();
      const seq = r.seq();
      const scheduledAt = r.f64();
      return { type: 'msg', topic, publisherId, seq, scheduledAt, payload: r.rest(), size };
    }
    case FrameType.ack: {
      const r = reader.reset(start, end, 'ACK');
      const count = r.u32();
      r.done();
      if (count === 0) throw new ProtocolError('ACK frame acknowledges nothing');
      return { type: 'ack', count };
    }
    case FrameType.error: {
      const r = reader.reset(start, end, 'ERROR');
      const message = r.str();
      r.done();
      return { type: 'error', message };
    }
    case FrameType.credit: {
      const r = reader.reset(start, end, 'CREDIT');
      const bytes = r.u32();
      r.done();
      if (bytes === 0) throw new ProtocolError('CREDIT frame grants nothing');
      return { type: 'credit', bytes };
    }
    default:
      throw new ProtocolError(`unknown frame type ${type}`);
  }
}

/** True for frames that are acknowledged in sync-ack mode. */
export function isDataFrame(frame: Frame): frame is Extract<Frame, { type: 'pub' | 'msg' }> {
  return frame.type === 'pub' || frame.type === 'msg';
}
