import type { Clock } from '../../core/clock.js';
import type { ProgramInput } from './program-input.js';
import type { RecordEncoding } from './record-encoding.js';

/** Wall ms between the feeder's rounds. */
const TICK_WALL_MS = 5;
/** After a refusal, the wait before the same records are offered again (wall ms). */
const RETRY_WALL_MS = 100;
/** Batches one round hands over at most, so a backlog after a long block never holds the thread long. */
const MAX_BATCHES_PER_ROUND = 64;

/**
 * Feeds a program its records at the scenario's rate, in the open model: record k is due at start +
 * k / rate whatever the program does, and carries that due time, so latency counted from it includes any
 * time the program's input held it back. Records due and not yet taken are owed: nothing is kept for them
 * but the count (a record is rebuilt from its seq and due time), so a program that blocks for an hour costs
 * no memory, and they are handed over in order as soon as the input takes them again. Back-pressure is
 * measured (`blockedMs`, `refusals`, `owed`) and never hidden: records still owed when the instance stops
 * are reported as not taken (they never reached the program, so its delivery accounting does not hold them).
 */
export class Feeder {
  readonly #clock: Clock;
  readonly #input: ProgramInput;
  readonly #encoding: RecordEncoding;
  readonly #perMs: number;
  readonly #batch: number;
  #startAt = Number.NaN;
  /** The next record to hand over: records before it were taken. */
  #next = 0;
  /** Set when the load ends: the records due then are all that will be. */
  #endDue: number | undefined;
  #timer: NodeJS.Timeout | undefined;
  #sending: Promise<unknown> | undefined;
  #retryAt = 0;
  #lastRound = 0;
  #inRound = false;
  /** Wall ms during which records were owed and the input did not take them. */
  blockedMs = 0;
  /** The program took at least one batch. */
  opened = false;

  constructor(clock: Clock, input: ProgramInput, encoding: RecordEncoding, rate: number, batch: number) {
    this.#clock = clock;
    this.#input = input;
    this.#encoding = encoding;
    this.#perMs = rate / 1000;
    this.#batch = batch;
    // A drained buffer is used at once, not at the next round: a pipe empties in far less than a round.
    input.onWritable = () => {
      if (this.#timer !== undefined && !this.#inRound) this.#round();
    };
  }

  /** Starts the schedule now. */
  start(): void {
    this.#startAt = this.#clock.now();
    this.#lastRound = performance.now();
    this.#timer = setInterval(() => this.#round(), TICK_WALL_MS);
  }

  /** Records taken by the program. */
  get taken(): number {
    return this.#next;
  }

  /** Records due so far (all of them once the load ended). */
  due(): number {
    if (Number.isNaN(this.#startAt)) return 0;
    return this.#endDue ?? Math.floor((this.#clock.now() - this.#startAt) * this.#perMs);
  }

  get owed(): number {
    return Math.max(0, this.due() - this.#next);
  }

  get ended(): boolean {
    return this.#endDue !== undefined || Number.isNaN(this.#startAt);
  }

  /** The load is over: nothing more falls due; what is owed is still handed over. */
  endInput(): void {
    this.#endDue ??= this.due();
  }

  /** Stops handing records over; resolves once the batch in flight (an HTTP POST) was answered, 2 s at most. */
  async stop(): Promise<void> {
    this.endInput();
    clearInterval(this.#timer);
    this.#timer = undefined;
    let limit: NodeJS.Timeout | undefined;
    await Promise.race([this.#sending, new Promise((r) => (limit = setTimeout(r, 2000)))]);
    clearTimeout(limit);
  }

  #scheduledAt = (seq: number): number => this.#startAt + seq / this.#perMs;

  #round(): void {
    this.#inRound = true;
    try {
      this.#feed();
    } finally {
      this.#inRound = false;
    }
  }

  #feed(): void {
    const now = performance.now();
    const since = now - this.#lastRound;
    this.#lastRound = now;
    const due = this.due();
    // Owed for the whole round and not taken in it: blocked for that long.
    const owedBefore = due > this.#next;
    let batches = 0;
    while (this.#next < due && batches < MAX_BATCHES_PER_ROUND && this.#sending === undefined && now >= this.#retryAt && this.#input.writable) {
      const from = this.#next;
      const count = Math.min(due - from, this.#batch);
      const result = this.#input.write(this.#encoding.encode(from, count, this.#scheduledAt));
      batches += 1;
      if (result === true) {
        this.#taken(from + count);
        continue;
      }
      if (result === false) {
        this.#retryAt = now + RETRY_WALL_MS;
        break;
      }
      this.#sending = result.then(
        (ok) => {
          this.#sending = undefined;
          if (ok) {
            this.#taken(from + count);
            // The next batch goes at once when more is owed: an answered POST frees the input.
            if (this.#timer !== undefined && this.#next < this.due()) this.#round();
          } else this.#retryAt = performance.now() + RETRY_WALL_MS;
        },
        () => (this.#sending = undefined),
      );
    }
    if (owedBefore && batches === 0) this.blockedMs += since;
  }

  #taken(next: number): void {
    this.#next = next;
    this.opened = true;
  }
}
