import type { Clock } from '../../../core/clock.js';
import { messageTemplate, stamp } from './message-format.js';
import type { PublishClient } from './real-broker.js';

/**
 * Messages handed over per turn of the event loop at most. A publisher behind its schedule (a rate above
 * what the broker takes, a late timer) publishes this many, then lets the loop read and write (the
 * subscribers' sockets, the client's own flush) before the next batch, as a client loop publishing as fast
 * as it can must: one long burst would leave the server idle while the publisher stamps and then the
 * publisher idle while the subscribers read (the real-broker-fanout bench's bare loop yields as often).
 */
const BATCH = 1000;

/**
 * Publishes to a real broker at a fixed rate of scenario time, as the in-process Publisher does: message
 * k is scheduled at start + k / rate and carries that time, so a publisher held back (a late timer, a
 * client buffering) shows in the latency, with no coordinated omission.
 */
export class RatePublisher {
  readonly index: number;
  readonly #client: PublishClient;
  readonly #clock: Clock;
  readonly #topic: string;
  readonly #perMs: number;
  readonly #template: Buffer;
  #startAt = 0;
  #sent = 0;
  #timer: NodeJS.Timeout | undefined;
  #immediate: NodeJS.Immediate | undefined;

  constructor(o: { index: number; client: PublishClient; clock: Clock; topic: string; rate: number; payload: Buffer }) {
    this.index = o.index;
    this.#client = o.client;
    this.#clock = o.clock;
    this.#topic = o.topic;
    this.#perMs = o.rate / 1000;
    this.#template = messageTemplate(o.payload);
  }

  /** Messages handed to the client. */
  get sent(): number {
    return this.#sent;
  }

  /** Handed over and not answered by the server yet (where it answers). */
  get unanswered(): number {
    return this.#client.unanswered;
  }

  start(): void {
    this.#startAt = this.#clock.now();
    this.#tick();
  }

  stopInput(): void {
    clearTimeout(this.#timer);
    clearImmediate(this.#immediate);
    this.#timer = undefined;
    this.#immediate = undefined;
    this.#startAt = Number.NaN;
  }

  close(): Promise<void> {
    this.stopInput();
    return this.#client.close();
  }

  /** Resolves once the server has processed every message handed over (PublishClient.flush). */
  flush(): Promise<void> {
    return this.#client.flush();
  }

  #tick(): void {
    if (Number.isNaN(this.#startAt)) return;
    const due = Math.floor((this.#clock.now() - this.#startAt) * this.#perMs) + 1;
    const limit = Math.min(due, this.#sent + BATCH);
    for (; this.#sent < limit; this.#sent++) {
      this.#client.publish(this.#topic, stamp(this.#template, { publisher: this.index, seq: this.#sent, scheduledAt: this.#startAt + this.#sent / this.#perMs }));
    }
    if (this.#sent < due) {
      // Behind: the next batch once the loop has done its I/O.
      this.#immediate = setImmediate(() => this.#tick());
      return;
    }
    const nextDueAt = this.#startAt + this.#sent / this.#perMs;
    const wait = Math.max(2, Math.ceil(this.#clock.toWall(nextDueAt - this.#clock.now())));
    this.#timer = setTimeout(() => this.#tick(), wait);
  }
}
