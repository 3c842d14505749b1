import type { Clock } from '../../core/clock.js';
import type { ClientConnection } from './client-connection.js';
import { ReadThrottle, type ReadRate } from './read-throttle.js';
import { ReceiveAccount, type ReceiveCounts } from './receive-account.js';

export interface SubscriberOptions {
  /** The connection's id is the subscriber id. */
  connection: ClientConnection;
  topics: string[];
  clock: Clock;
  /** Read no faster than this (a slow consumer without a proxy). */
  readRate?: ReadRate | undefined;
  /** Subscribe, then never read (a dead consumer: connected, not reading) until `resume()`. */
  paused?: boolean | undefined;
  /** Called with the end-to-end latency (scenario ms) of every first delivery, as it is recorded. */
  onLatency?: ((ms: number) => void) | undefined;
}

/**
 * Reads messages and accounts for them per publisher: delivered, duplicates, reordering, gaps, and
 * end-to-end latency (receive time minus the publisher's scheduled time, scenario ms), handed to
 * `onLatency` as it is measured. The subscriber keeps no histogram: its worker ships the raw values
 * (messages.ts), and an HDR histogram library loaded in every broker worker costs megabytes each.
 */
export class Subscriber {
  readonly id: string;
  readonly #o: SubscriberOptions;
  readonly #accounts = new Map<string, ReceiveAccount>();
  readonly #throttle: ReadThrottle | undefined;
  #paused = false;
  /** MSG frames read, duplicates included. */
  received = 0;
  /** Distinct messages received, over all publishers. */
  delivered = 0;
  /** Scenario time of the last first delivery; NaN before the first. */
  lastDeliveryAt = Number.NaN;

  constructor(options: SubscriberOptions) {
    this.#o = options;
    this.id = options.connection.id;
    this.#throttle = options.readRate ? new ReadThrottle(options.readRate, options.clock) : undefined;
  }

  get connection(): ClientConnection {
    return this.#o.connection;
  }

  get closed(): boolean {
    return this.#o.connection.closed;
  }

  async start(): Promise<void> {
    const conn = this.#o.connection;
    conn.onMessage = (frame, release) => {
      const now = this.#o.clock.now();
      this.#throttle?.consume(frame.size);
      this.received += 1;
      let account = this.#accounts.get(frame.publisherId);
      if (!account) this.#accounts.set(frame.publisherId, (account = new ReceiveAccount()));
      if (account.receive(frame.seq)) {
        this.delivered += 1;
        this.lastDeliveryAt = now;
        this.#o.onLatency?.(now - frame.scheduledAt);
      }
      release();
    };
    await conn.connect();
    conn.onClosed(() => this.#throttle?.cancel());
    await conn.subscribe(this.#o.topics);
    if (this.#o.paused) this.pause();
    conn.setReadGate(() => !this.#paused && (this.#throttle?.allow(() => conn.kick()) ?? true));
  }

  /** Stops reading (the socket is paused once what has arrived is held). */
  pause(): void {
    this.#paused = true;
  }

  resume(): void {
    this.#paused = false;
    this.#o.connection.kick();
  }

  /** What arrived from one publisher. */
  counts(publisherId: string): ReceiveCounts {
    return this.#accounts.get(publisherId)?.counts() ?? { delivered: 0, duplicates: 0, reordered: 0, gaps: 0, highest: -1 };
  }

  publishers(): string[] {
    return [...this.#accounts.keys()];
  }

  close(): void {
    this.#throttle?.cancel();
    this.#o.connection.close();
  }
}
