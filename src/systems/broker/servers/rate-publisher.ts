import type { Clock } from '../../../core/clock.js';
import { messageTemplate, stamp } from './message-format.js';
import type { PublishClient } from './real-broker.js';

/** Messages handed over per tick at most, so that a late tick cannot block the event loop for long. */
const MAX_PER_TICK = 20_000;

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
    this.#timer = undefined;
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
    const limit = Math.min(due, this.#sent + MAX_PER_TICK);
    for (; this.#sent < limit; this.#sent++) {
      this.#client.publish(this.#topic, stamp(this.#template, { publisher: this.index, seq: this.#sent, scheduledAt: this.#startAt + this.#sent / this.#perMs }));
    }
    const nextDueAt = this.#startAt + this.#sent / this.#perMs;
    const wait = Math.max(2, Math.ceil(this.#clock.toWall(nextDueAt - this.#clock.now())));
    this.#timer = setTimeout(() => this.#tick(), wait);
  }
}
