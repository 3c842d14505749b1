import type { Socket } from 'node:net';
import type { Clock } from '../../core/clock.js';
import { encodeAck, encodeError, FrameDecoder, isDataFrame, ProtocolError, type Frame } from './protocol.js';
import { SlotPool, type Slot } from './slot-pool.js';

/** Slot usage of one connection endpoint in sync-ack mode, for a watchdog to name stuck connections. */
export interface SlotState {
  /** Which endpoint: `broker/<client id>` on the broker's side, `<client id>` on the client's. */
  connection: string;
  /** Data frames sent and not yet acknowledged by the peer. */
  send: { used: number; total: number };
  /** Frames read and not yet handled (acknowledgements included while they are processed). */
  recv: { used: number; total: number };
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
  onData(frame: Extract<Frame, { type: 'pub' | 'msg' }>, release: () => void): void;
  /**
   * Takes data frames in place rather than one decoded frame at a time (the broker's publishers:
   * pub-run.ts). Called with sync-ack off, whenever a frame may be read (the gate open), before the next
   * frame is decoded: returns how many whole frames it took from the decoder (`skip`), or 0 to have the
   * next one decoded and handed to `onData` as usual.
   */
  takeData?(decoder: FrameDecoder): number;
  /** A control frame other than ACK was read. */
  onControl(frame: Exclude<Frame, { type: 'pub' | 'msg' | 'ack' }>): void;
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

const DEFAULT_WRITE_HIGH_WATER = 64 * 1024;
/**
 * Up to this many chunks of one batch are written one by one (each write costs the stream a little; the
 * socket sends them in one vectored write); more are copied into one buffer first.
 */
const MAX_SEPARATE_CHUNKS = 16;
/** The release of a data frame that holds no receive slot: nothing to do. */
const RELEASE_NOTHING = (): void => {};

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
export class FramedConnection<T = unknown> {
  /** Names the endpoint; the broker renames its side once the client has said who it is. */
  name: string;
  readonly socket: Socket;
  readonly #o: FramedConnectionOptions<T>;
  readonly #decoder: FrameDecoder;
  readonly #highWater: number;
  #send: SlotPool<T> | undefined;
  #recv: SlotPool<null> | undefined;
  #gate: () => boolean = () => true;
  #processing = false;
  #readBlocked = false;
  #corked = false;
  #ackOwed = 0;
  #closed = false;
  #closeReason: string | undefined;
  /** Data frames read so far. */
  framesRead = 0;

  constructor(options: FramedConnectionOptions<T>) {
    this.#o = options;
    this.name = options.name;
    this.socket = options.socket;
    this.#decoder = new FrameDecoder(options.maxFrameBytes);
    this.#highWater = Math.max(options.writeHighWater ?? DEFAULT_WRITE_HIGH_WATER, options.socket.writableHighWaterMark);
    const s = options.socket;
    s.setNoDelay(true);
    s.on('data', (chunk: Buffer) => {
      this.#decoder.push(chunk);
      this.#process();
    });
    s.on('drain', () => this.#o.onWritable?.());
    s.on('error', (e) => {
      this.#closeReason ??= e.message;
    });
    s.on('end', () => {
      this.#closeReason ??= 'peer closed the connection';
    });
    s.on('close', () => {
      this.#closed = true;
      this.#o.onClose(this.#closeReason ?? 'closed');
    });
  }

  get closed(): boolean {
    return this.#closed || this.socket.destroyed;
  }

  get syncAck(): boolean {
    return this.#send !== undefined;
  }

  /** Turns sync-ack mode on with `slots` slots in each pool (after the handshake). */
  enableSyncAck(slots: number): void {
    this.#send = new SlotPool<T>(slots);
    this.#recv = new SlotPool<null>(slots);
  }

  /** An extra condition for reading (backpressure, read rate); call `kick()` when it may have opened. */
  setReadGate(gate: () => boolean): void {
    this.#gate = gate;
  }

  /** Re-evaluates whether frames can be read now. */
  kick(): void {
    this.#process();
  }

  /** True when a data frame can be sent now: a send slot is free and the socket is not backed up. */
  canSendData(): boolean {
    if (this.closed) return false;
    if (this.#send && this.#send.free === 0) return false;
    return this.socket.writableLength < this.#highWater;
  }

  /** Send slots free now (sync-ack mode); Infinity without sync-ack. */
  get freeSendSlots(): number {
    return this.#send ? this.#send.free : Infinity;
  }

  /** Userland bytes waiting in the socket. */
  get bufferedBytes(): number {
    return this.socket.writableLength;
  }

  /** Sends a data frame; in sync-ack mode it takes a send slot until the peer acknowledges it. */
  sendData(frame: Buffer, tag: T): void {
    if (this.#send) this.#send.acquire(tag, this.#o.clock.now());
    this.#write(frame);
  }

  /**
   * Sends several data frames at once: `chunks` are their bytes in order (a chunk may hold several whole
   * frames), `tags` one per frame. In sync-ack mode each frame takes a send slot; callers check the slots.
   * A few chunks are handed to the socket as they are (one vectored write, no copy); many are joined.
   */
  sendDataBatch(chunks: Buffer[], tags: readonly T[]): void {
    if (this.#send) {
      const now = this.#o.clock.now();
      for (const tag of tags) this.#send.acquire(tag, now);
    }
    if (chunks.length > MAX_SEPARATE_CHUNKS) this.#write(Buffer.concat(chunks));
    else for (const c of chunks) this.#write(c);
  }

  /** Sends a control frame (no slot, no backpressure check). */
  sendControl(frame: Buffer): void {
    this.#write(frame);
  }

  /** Tags of data frames sent and not acknowledged (oldest first); they are forgotten. */
  takeUnacked(): T[] {
    return this.#send ? this.#send.clear().map((s) => s.tag) : [];
  }

  /** Closes at once, abandoning buffered data (a disconnect by policy, or teardown). */
  destroy(reason: string): void {
    this.#closeReason ??= reason;
    this.socket.destroy();
  }

  /**
   * Tells the peer why, then closes: what is already buffered goes first, then an ERROR frame and the end
   * of the stream. A peer that does not read is cut off a second later.
   */
  fail(reason: string): void {
    this.#closeReason ??= reason;
    if (this.closed) return;
    this.#closed = true;
    this.socket.end(encodeError(reason));
    setTimeout(() => this.socket.destroy(), 1000).unref();
  }

  slotState(): SlotState {
    const now = this.#o.clock.now();
    const oldest = Math.min(this.#send?.oldest()?.since ?? Infinity, this.#recv?.oldest()?.since ?? Infinity);
    return {
      connection: this.name,
      send: { used: this.#send?.used ?? 0, total: this.#send?.total ?? 0 },
      recv: { used: this.#recv?.used ?? 0, total: this.#recv?.total ?? 0 },
      oldestWaitMs: Number.isFinite(oldest) ? now - oldest : 0,
      readBlocked: this.#readBlocked,
      sendBlocked: (this.#o.pendingSend?.() ?? 0) > 0 && !!this.#send && this.#send.free === 0,
    };
  }

  #write(frame: Buffer): void {
    if (this.closed) return;
    this.#cork();
    this.socket.write(frame);
  }

  /** Holds this tick's writes back, to leave together (acknowledgements owed last) on the next tick. */
  #cork(): void {
    if (this.#corked) return;
    this.#corked = true;
    this.socket.cork();
    process.nextTick(() => {
      this.#corked = false;
      this.#flushAcks();
      this.socket.uncork();
    });
  }

  #flushAcks(): void {
    if (this.#ackOwed === 0 || this.closed) return;
    const n = this.#ackOwed;
    this.#ackOwed = 0;
    this.socket.write(encodeAck(n));
  }

  #owe(): void {
    if (this.closed) return;
    this.#ackOwed += 1;
    this.#cork();
  }

  #process(): void {
    if (this.#processing || this.closed) return;
    this.#processing = true;
    let stalled = false;
    try {
      for (;;) {
        if (this.closed) return;
        if (!this.#gate()) {
          stalled = true;
          break;
        }
        const recv = this.#recv;
        if (recv && recv.free === 0) {
          this.#readBlocked = true;
          stalled = true;
          break;
        }
        this.#readBlocked = false;
        if (!recv && this.#o.takeData) {
          const taken = this.#o.takeData(this.#decoder);
          if (taken > 0) {
            this.framesRead += taken;
            continue;
          }
        }
        const frame = this.#decoder.next();
        if (!frame) break;
        this.#dispatch(frame, recv);
      }
    } catch (e) {
      if (e instanceof ProtocolError) {
        this.#o.onProtocolError?.(e.message);
        this.fail(`protocol error: ${e.message}`);
        return;
      }
      throw e;
    } finally {
      this.#processing = false;
    }
    if (stalled) this.socket.pause();
    else if (this.socket.isPaused()) this.socket.resume();
  }

  #dispatch(frame: Frame, recv: SlotPool<null> | undefined): void {
    const slot = recv?.acquire(null, this.#o.clock.now());
    if (isDataFrame(frame)) {
      this.framesRead += 1;
      if (!slot) {
        this.#o.onData(frame, RELEASE_NOTHING);
        return;
      }
      let released = false;
      this.#o.onData(frame, () => {
        if (released) return;
        released = true;
        this.#releaseRecv(slot, true);
      });
      return;
    }
    try {
      if (frame.type === 'ack') this.#acked(frame.count);
      else this.#o.onControl(frame);
    } finally {
      if (slot) this.#releaseRecv(slot, false);
    }
  }

  #releaseRecv(slot: Slot<null>, acknowledge: boolean): void {
    if (!this.#recv?.release(slot)) return;
    if (acknowledge) this.#owe();
    if (!this.#processing) this.#process();
  }

  #acked(count: number): void {
    const send = this.#send;
    if (!send) throw new ProtocolError('ACK received but sync-ack is off on this connection');
    if (count > send.used) throw new ProtocolError(`ACK of ${count} frames but only ${send.used} are unacknowledged`);
    const tags: T[] = [];
    for (let i = 0; i < count; i++) {
      const s = send.releaseOldest();
      if (s) tags.push(s.tag);
    }
    this.#o.onAcked?.(tags);
    this.#o.onWritable?.();
  }
}
