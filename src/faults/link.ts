import type { Socket } from 'node:net';
import type { Clock } from '../core/clock.js';
import type { Random } from '../core/random.js';
import { ChunkQueue, Stub, type Outlet } from './stub.js';
import { hasCleanup, isStateful, type Chunk, type EndKind, type Toxic } from './toxic.js';
import { NoopToxic } from './toxics/noop.js';
import type { Direction, ToxicWrapper } from './toxic-wrapper.js';
import { SerialLock } from './serial-lock.js';
import { SocketReader } from './socket-reader.js';

const NOOP: Toxic = new NoopToxic();
const RESOLVED = Promise.resolve();
/**
 * On the direct path (no toxics), the most bytes written to `dest` and not yet taken by the kernel before
 * the source is paused. A chunk the kernel takes at once never counts, so the source is paused only when the
 * far side really lags; the socket's own high-water mark (16 KiB) is below one read (libuv reads 64 KiB), so
 * pausing on `write() === false`, as `Readable.pipe` does, would pause and resume the source after every
 * chunk. Small next to what a kernel socket buffer holds, so a toxic added under load still acts within a
 * few chunks, as Toxiproxy's does.
 */
const DIRECT_BUFFER_BYTES = 256 * 1024;
/** Chunks that may wait in front of a stub; a toxic's own bufferSize adds to it (latency: 1024). */
const QUEUE_CHUNKS = 8;

function queueFor(wrapper: ToxicWrapper | null): ChunkQueue {
  return new ChunkQueue(QUEUE_CHUNKS + (wrapper ? wrapper.bufferSize : 0));
}

/** The link's destination socket as the last outlet of the chain. */
class SocketOutlet implements Outlet {
  #ended = false;
  constructor(
    private readonly dest: Socket,
    private readonly onEnd: (kind: EndKind) => void,
  ) {}

  push(chunk: Chunk): boolean {
    if (this.#ended || this.dest.destroyed) return true;
    return this.dest.write(chunk.data);
  }

  end(kind: EndKind): void {
    if (this.#ended) return;
    this.#ended = true;
    this.onEnd(kind);
  }

  drained(signal: AbortSignal): Promise<void> {
    const dest = this.dest;
    if (!dest.writableNeedDrain || dest.destroyed || this.#ended || signal.aborted) return RESOLVED;
    return new Promise((resolve) => {
      const done = (): void => {
        dest.off('drain', done);
        dest.off('close', done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      dest.on('drain', done);
      dest.on('close', done);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}

export interface LinkOptions {
  direction: Direction;
  source: Socket;
  /**
   * Reads `source`: into a reused buffer when the socket was made with the reader's `onread`, else by
   * 'data' events. Defaults to a reader of the latter kind.
   */
  reader?: SocketReader;
  dest: Socket;
  /** The direction's toxics at the time the link starts, in chain order (without the hidden noop). */
  toxics: readonly ToxicWrapper[];
  clock: Clock;
  random: Random;
  /** Called once, when everything before the end has been handed to `dest`. */
  onEnd: (kind: EndKind) => void;
  onToxicError?: (err: unknown) => void;
}

/** The order of data arrivals across every link of the process (Link.lastDataOrder). */
let dataOrder = 0;

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
export class Link {
  readonly direction: Direction;
  /**
   * When its source last gave data, as a place in one order across every link (dataOrder): the later of a
   * connection's two links is the side that spoke last (answer-watch.ts). An increment per chunk, no clock.
   */
  lastDataOrder = 0;
  readonly #source: Socket;
  readonly #reader: SocketReader;
  readonly #dest: Socket;
  readonly #clock: Clock;
  readonly #random: Random;
  readonly #head: ChunkQueue;
  readonly #sink: SocketOutlet;
  readonly #stubs: Stub[] = [];
  readonly #wrappers = new Map<Stub, ToxicWrapper>();
  readonly #onToxicError: (err: unknown) => void;
  #direct = true;
  #sourceDone = false;
  #ended = false;
  #dead = false;
  readonly #lock = new SerialLock();

  constructor(opts: LinkOptions) {
    this.direction = opts.direction;
    this.#source = opts.source;
    this.#reader = opts.reader ?? new SocketReader();
    this.#dest = opts.dest;
    this.#clock = opts.clock;
    this.#random = opts.random;
    this.#onToxicError = opts.onToxicError ?? (() => {});
    this.#sink = new SocketOutlet(opts.dest, (kind) => {
      this.#ended = true;
      opts.onEnd(kind);
    });
    this.#head = queueFor(null);
    this.#head.onDrain = () => {
      if (!this.#direct) this.#source.resume();
    };
    const head = this.#newStub(this.#head, this.#sink);
    this.#stubs.push(head);
    for (const w of opts.toxics) this.#append(w);
    if (this.#stubs.length > 1) {
      this.#direct = false;
      for (const s of this.#stubs) this.#run(s);
    }
  }

  /** Starts reading the source (the connection resumes it). */
  start(): void {
    const source = this.#source;
    const dest = this.#dest;
    this.#reader.start(source, (data: Buffer) => {
      if (this.#sourceDone) return;
      this.lastDataOrder = ++dataOrder;
      if (this.#direct) {
        if (!this.#writeDirect(data)) source.pause();
      } else if (!this.#head.push({ data: this.#reader.keep(data), timestamp: this.#clock.now() })) {
        source.pause();
      }
    });
    dest.on('drain', () => {
      if (this.#direct) source.resume();
    });
    source.on('end', () => this.#sourceEnded('eof'));
    source.on('close', () => this.#sourceEnded('close'));
  }

  /**
   * The source socket is being closed by the connection (the other direction ended): take nothing more
   * from it and end, after the chain delivered what it holds, as if the source had closed.
   */
  cutSource(): void {
    if (this.#sourceDone) return;
    this.#source.pause();
    this.#sourceEnded('close');
  }

  /** What reads the source (for inspection: whether it reuses its buffer, how often it lent it). */
  get reader(): SocketReader {
    return this.#reader;
  }

  /** True while the link forwards without a stub chain (no toxics). */
  get direct(): boolean {
    return this.#direct;
  }

  addToxic(wrapper: ToxicWrapper): Promise<void> {
    return this.#lock.run(async () => {
      if (this.#dead || this.#ended) return;
      const last = this.#stubs[this.#stubs.length - 1] as Stub;
      if (this.#direct) {
        this.#append(wrapper);
        this.#direct = false;
        this.#run(last);
        this.#run(this.#stubs[this.#stubs.length - 1] as Stub);
        this.#syncFlow();
        return;
      }
      if (!(await last.interrupt()) || this.#dead) return;
      const stub = this.#append(wrapper);
      this.#run(stub);
      this.#run(last);
    });
  }

  updateToxic(wrapper: ToxicWrapper): Promise<void> {
    return this.#lock.run(async () => {
      const stub = this.#find(wrapper);
      if (stub && (await stub.interrupt()) && !this.#dead) this.#run(stub);
    });
  }

  removeToxic(wrapper: ToxicWrapper): Promise<void> {
    return this.#lock.run(async () => {
      const i = this.#stubs.findIndex((s) => this.#wrappers.get(s) === wrapper);
      if (i <= 0 || this.#dead) return;
      const stub = this.#stubs[i] as Stub;
      const prev = this.#stubs[i - 1] as Stub;
      if ((await stub.interrupt()) && hasCleanup(wrapper.toxic)) wrapper.toxic.cleanup(stub);
      const prevOpen = await prev.interrupt();
      if (this.#dead) return;
      for (const c of stub.input.takeAll()) stub.output.push(c);
      const endKind = stub.input.endKind;
      if (endKind !== null) stub.output.end(endKind);
      prev.output = stub.output;
      this.#stubs.splice(i, 1);
      this.#wrappers.delete(stub);
      stub.kill();
      if (prevOpen) this.#run(prev);
      if (this.#stubs.length === 1) this.#toDirectWhenDrained();
    });
  }

  /** Stops every stub; the connection is going away. */
  destroy(): void {
    this.#dead = true;
    for (const s of this.#stubs) s.kill();
  }

  #find(wrapper: ToxicWrapper): Stub | undefined {
    return this.#stubs.find((s) => this.#wrappers.get(s) === wrapper);
  }

  #newStub(input: ChunkQueue, output: Outlet): Stub {
    return new Stub({ input, output, clock: this.#clock, random: this.#random, direction: this.direction });
  }

  /** Appends a stub for `wrapper` at the chain's end (the previous last stub must not be running). */
  #append(wrapper: ToxicWrapper): Stub {
    const last = this.#stubs[this.#stubs.length - 1] as Stub;
    const stub = this.#newStub(queueFor(wrapper), last.output);
    if (isStateful(wrapper.toxic)) stub.state = wrapper.toxic.newState();
    last.output = stub.input;
    this.#stubs.push(stub);
    this.#wrappers.set(stub, wrapper);
    return stub;
  }

  /** Runs a stub; toxicity is rolled here, once per run, as Toxiproxy's ToxicStub.Run. */
  #run(stub: Stub): void {
    if (this.#dead) return;
    const w = this.#wrappers.get(stub);
    const toxic = w && this.#random.next() < w.toxicity ? w.toxic : NOOP;
    stub.run(toxic, this.#onToxicError);
  }

  #sourceEnded(kind: EndKind): void {
    if (this.#sourceDone) return;
    this.#sourceDone = true;
    if (this.#direct) this.#sink.end(kind);
    else this.#head.end(kind);
  }

  /**
   * The direct path's write: at once, so the far side can read while this side reads the next chunk. (A
   * cork until setImmediate, to send a turn's chunks in one writev, held every byte back to the end of the
   * turn and made each write look like a backlog: side by side it added 0.03-0.045 ms per idle round trip
   * and paused the source 460 times in 200 MiB of bulk, against 9 without it.) False once
   * DIRECT_BUFFER_BYTES wait in `dest` (the caller pauses the source; 'drain' resumes it).
   *
   * `data` may be a view of the reader's reused buffer. Behind a backlog it is queued, so a copy is
   * written; otherwise the view itself, and if the kernel did not take all of it at once (the write is
   * still pending after `write` returns: Node decrements `writableLength` synchronously for a write that
   * completed), the buffer is lent to that write and the next read gets a fresh one.
   */
  #writeDirect(data: Buffer): boolean {
    const dest = this.#dest;
    if (dest.writableLength > 0) dest.write(this.#reader.keep(data));
    else {
      dest.write(data);
      if (dest.writableLength > 0) this.#reader.lend();
    }
    return dest.writableLength < DIRECT_BUFFER_BYTES;
  }

  /** Resumes or pauses the source to match the current mode's backpressure. */
  #syncFlow(): void {
    if (this.#sourceDone || this.#dead) return;
    const blocked = this.#direct ? this.#dest.writableLength >= DIRECT_BUFFER_BYTES : this.#head.full;
    if (blocked) this.#source.pause();
    else this.#source.resume();
  }

  #toDirectWhenDrained(): void {
    if (this.#direct || this.#ended || this.#dead || this.#stubs.length !== 1) return;
    if (this.#head.length > 0 || this.#head.endKind !== null) {
      if (this.#head.endKind === null) this.#head.onEmpty = () => void this.#lock.run(async () => this.#toDirectWhenDrained());
      return;
    }
    void this.#lock.run(async () => {
      if (this.#direct || this.#dead || this.#stubs.length !== 1 || this.#head.length > 0 || this.#head.endKind !== null) return;
      const head = this.#stubs[0] as Stub;
      if (!(await head.interrupt()) || this.#dead) return;
      if (this.#head.length > 0 || this.#head.endKind !== null || this.#stubs.length !== 1) {
        this.#run(head);
        this.#toDirectWhenDrained();
        return;
      }
      this.#direct = true;
      this.#syncFlow();
    });
  }
}
