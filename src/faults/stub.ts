import { sleepUntil, type Clock, type LongTimer } from '../core/clock.js';
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

const RESOLVED = Promise.resolve();
/**
 * The abort reason of a stub's controller. Nobody reads it (the toxics see the abort, not its reason), and
 * the default reason is a DOMException with a stack, made per abort: every connection's close aborts two.
 */
const STOPPED = Object.freeze({ stubStopped: true });
/**
 * The controller of a stub killed before it ever needed one (a link on the direct path): already aborted,
 * shared. Everything that waits on a stub's signal checks `aborted` first, so none listens on this one.
 */
const KILLED = new AbortController();
KILLED.abort(STOPPED);

/** A bounded FIFO of chunks between two stages of a link, with one reader and a sticky end marker. */
export class ChunkQueue implements Outlet {
  readonly capacity: number;
  #items: (Chunk | undefined)[] = [];
  #head = 0;
  #end: EndKind | null = null;
  #reader: (() => void) | null = null;
  #drainWaiters: (() => void)[] = [];
  /** Called when the queue goes from full to not full (the link resumes its source socket). */
  onDrain: (() => void) | null = null;
  /** Called once when the queue becomes empty, then cleared. */
  onEmpty: (() => void) | null = null;

  constructor(capacity: number) {
    this.capacity = Math.max(1, capacity);
  }

  get length(): number {
    return this.#items.length - this.#head;
  }

  get full(): boolean {
    return this.length >= this.capacity;
  }

  get endKind(): EndKind | null {
    return this.#end;
  }

  push(chunk: Chunk): boolean {
    if (this.#end !== null) return true;
    this.#items.push(chunk);
    this.#wakeReader();
    return this.length < this.capacity;
  }

  end(kind: EndKind): void {
    if (this.#end !== null) return;
    this.#end = kind;
    this.#wakeReader();
    this.#wakeWriters();
  }

  /** The next chunk; null once ended and empty; undefined when empty but not ended. */
  shift(): Chunk | null | undefined {
    if (this.#head < this.#items.length) {
      const wasFull = this.full;
      const c = this.#items[this.#head];
      this.#items[this.#head++] = undefined;
      if (this.#head === this.#items.length) {
        this.#items = [];
        this.#head = 0;
      } else if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
        this.#items = this.#items.slice(this.#head);
        this.#head = 0;
      }
      if (wasFull && !this.full) {
        this.#wakeWriters();
        this.onDrain?.();
      }
      if (this.length === 0 && this.onEmpty) {
        const f = this.onEmpty;
        this.onEmpty = null;
        f();
      }
      return c;
    }
    return this.#end === null ? undefined : null;
  }

  /** Removes and returns every queued chunk (the end marker stays). */
  takeAll(): Chunk[] {
    const out: Chunk[] = [];
    for (let c = this.shift(); c; c = this.shift()) out.push(c);
    return out;
  }

  /** Registers the single reader's wake-up for the next push or end; replaces any earlier one. */
  waitReadable(wake: (() => void) | null): void {
    this.#reader = wake;
  }

  drained(signal: AbortSignal): Promise<void> {
    if (!this.full || this.#end !== null || signal.aborted) return RESOLVED;
    return new Promise((resolve) => {
      const done = (): void => {
        signal.removeEventListener('abort', done);
        resolve();
      };
      this.#drainWaiters.push(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  #wakeReader(): void {
    const r = this.#reader;
    if (r) {
      this.#reader = null;
      r();
    }
  }

  #wakeWriters(): void {
    const ws = this.#drainWaiters;
    if (ws.length === 0) return;
    this.#drainWaiters = [];
    for (const w of ws) w();
  }
}

/** The per-connection, per-direction seat of one toxic in a link's chain; see ToxicStub for the contract. */
export class Stub implements ToxicStub {
  input: ChunkQueue;
  output: Outlet;
  state: unknown = undefined;
  readonly clock: Clock;
  readonly random: Random;
  readonly direction: 'upstream' | 'downstream';
  /** Made when a toxic first runs or the signal is asked for: a link on the direct path never needs one. */
  #controller: AbortController | null = null;
  #running: Promise<void> | null = null;
  #closed = false;
  #sawEnd: EndKind | null = null;

  constructor(opts: { input: ChunkQueue; output: Outlet; clock: Clock; random: Random; direction: 'upstream' | 'downstream' }) {
    this.input = opts.input;
    this.output = opts.output;
    this.clock = opts.clock;
    this.random = opts.random;
    this.direction = opts.direction;
  }

  get signal(): AbortSignal {
    this.#controller ??= new AbortController();
    return this.#controller.signal;
  }

  get closed(): boolean {
    return this.#closed;
  }

  get running(): boolean {
    return this.#running !== null;
  }

  /** Starts `toxic.pipe` on this stub; a pipe that throws closes the stub rather than stalling the link. */
  run(toxic: Toxic, onError: (err: unknown) => void): void {
    if (this.#closed) return;
    this.#controller = new AbortController();
    const p = toxic.pipe(this).then(undefined, (err: unknown) => {
      onError(err);
      this.close('close');
    });
    this.#running = p;
    void p.finally(() => {
      if (this.#running === p) this.#running = null;
    });
  }

  /**
   * Stops the running toxic so it can be replaced; waits until its pipe returned (having forwarded what it
   * held). False if the stub is closed, as Toxiproxy's InterruptToxic.
   */
  async interrupt(): Promise<boolean> {
    if (this.#closed) return false;
    const running = this.#running;
    if (running) {
      this.#controller?.abort(STOPPED);
      await running;
    }
    return !this.#closed;
  }

  /** Stops everything for good without ending the output (the connection is being torn down). */
  kill(): void {
    this.#closed = true;
    if (this.#controller) this.#controller.abort(STOPPED);
    else this.#controller = KILLED;
    this.input.waitReadable(null);
  }

  read(): Promise<Chunk | null | typeof INTERRUPTED>;
  read(timeoutMs: number | undefined): Promise<Chunk | null | typeof INTERRUPTED | typeof TIMED_OUT>;
  read(timeoutMs?: number): Promise<Chunk | null | typeof INTERRUPTED | typeof TIMED_OUT> {
    const signal = this.signal;
    if (signal.aborted) return Promise.resolve(INTERRUPTED);
    const now = this.#take();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise((resolve) => {
      let timer: LongTimer | undefined;
      const finish = (v: Chunk | null | typeof INTERRUPTED | typeof TIMED_OUT): void => {
        signal.removeEventListener('abort', onAbort);
        timer?.clear();
        this.input.waitReadable(null);
        resolve(v);
      };
      const onAbort = (): void => finish(INTERRUPTED);
      const onReadable = (): void => {
        const item = this.#take();
        if (item === undefined) this.input.waitReadable(onReadable);
        else finish(item);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      if (timeoutMs !== undefined) timer = this.clock.setTimeout(() => finish(TIMED_OUT), timeoutMs);
      this.input.waitReadable(onReadable);
    });
  }

  #take(): Chunk | null | undefined {
    const item = this.input.shift();
    if (item === null) this.#sawEnd = this.input.endKind;
    return item;
  }

  write(chunk: Chunk): Promise<void> {
    const signal = this.signal;
    if (this.output.push(chunk) || signal.aborted) return RESOLVED;
    return this.output.drained(signal);
  }

  sleep(ms: number): Promise<boolean> {
    const signal = this.signal;
    if (!(ms > 0)) return Promise.resolve(!signal.aborted);
    return sleepUntil(this.clock, this.clock.now() + ms, signal);
  }

  sleepUntil(deadline: number): Promise<boolean> {
    return sleepUntil(this.clock, deadline, this.signal);
  }

  close(kind?: EndKind): void {
    if (this.#closed) return;
    this.#closed = true;
    this.output.end(kind ?? this.#sawEnd ?? 'close');
  }
}
