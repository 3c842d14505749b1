import type { Clock } from '../../../core/clock.js';
import type { Random } from '../../../core/random.js';
import type { SubscriberState } from '../messages.js';
import { ReceiveAccount } from '../receive-account.js';
import { HEADER_BYTES, headerPublisher, headerScheduledAt, headerSeq } from './message-format.js';
import { RatePublisher } from './rate-publisher.js';
import type { Endpoint, RealBroker, SubscribeClient } from './real-broker.js';

export interface RealBrokerInstanceOptions {
  /** Unique within the run: client names are `<id>/pub-<i>`, `<id>/sub-<j>`, topics `<id>.t<k>`. */
  id: string;
  clock: Clock;
  random: Random;
  /** The started broker (start-real-broker.ts); the instance stops it. */
  broker: RealBroker;
  publishers: number;
  subscribers: number;
  topics: number;
  /** Messages per scenario second, per publisher. */
  rate: number;
  payloadSize: number;
  /** Where subscriber j connects: its proxy route to the broker. */
  subscriberAddress(j: number, broker: Endpoint): Promise<Endpoint>;
  /** The end-to-end latency (scenario ms) of every first delivery to subscriber j. */
  onLatency?(j: number, ms: number): void;
}

/** Deliveries one clock reading serves at most (#arrivalTime). */
const ARRIVAL_READING_USES = 8;

/** One subscriber's side: its client, what it received from each publisher, when it went. */
interface SubscriberSide {
  name: string;
  client: SubscribeClient | undefined;
  accounts: ReceiveAccount[];
  delivered: number;
  lastDeliveryAt: number;
  /** Its own word when its connection ended, and when. */
  closedAt: number;
  closedReason: string | undefined;
}

/**
 * One real broker with P publishers and S subscribers, as one instance under test: the same roles and
 * the same per publisher-subscriber accounting as the in-process BrokerInstance, read into the same
 * SubscriberState the broker's cell, watch and report use. What the broker did to whom comes from its own
 * account (BrokerStats): a subscriber it cut off loses what was on its way (`cut`), messages it declared
 * dropped explain holes first, then what a subscriber still lacks.
 */
export class RealBrokerInstance {
  readonly #o: RealBrokerInstanceOptions;
  readonly #subs: SubscriberSide[] = [];
  readonly #pubs: RatePublisher[] = [];
  #inputStopped = false;
  /** The clock read last on the subscribers' path, and how many deliveries used it (see #arrivalTime). */
  #arrivedAt = 0;
  #arrivalUses = 0;
  #arrivalRunEnds = false;

  constructor(options: RealBrokerInstanceOptions) {
    this.#o = options;
  }

  get broker(): RealBroker {
    return this.#o.broker;
  }

  /** Connects every client, then starts the publishers. */
  async start(): Promise<void> {
    await this.connect();
    this.startPublishing();
  }

  /** Connects the subscribers (subscribed once it resolves) and the publishers; nothing is published yet. */
  async connect(): Promise<void> {
    try {
      await this.#connect();
    } catch (e) {
      await this.#closeClients();
      await this.#o.broker.stop();
      throw e;
    }
  }

  /** The publishers' schedules start now (after connect()). */
  startPublishing(): void {
    for (const p of this.#pubs) p.start();
  }

  async #connect(): Promise<void> {
    const o = this.#o;
    const topics = Array.from({ length: o.topics }, (_, k) => `${o.id}.t${k}`);
    const subscribing = Array.from({ length: o.subscribers }, async (_, j) => {
      const side: SubscriberSide = { name: `${o.id}/sub-${j}`, client: undefined, accounts: [], delivered: 0, lastDeliveryAt: Number.NaN, closedAt: Number.NaN, closedReason: undefined };
      this.#subs.push(side);
      const at = await o.subscriberAddress(j, o.broker.address);
      side.client = await o.broker.connectSubscriber({
        name: side.name,
        at,
        topics,
        onMessage: (message) => this.#receive(j, side, message),
        onClosed: (reason) => {
          side.closedAt = o.clock.now();
          side.closedReason = reason;
        },
      });
    });
    // A subscriber behind a dead link may not connect: the instance runs on without it (as the in-process one does).
    await Promise.allSettled(subscribing);
    this.#subs.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
    for (let i = 0; i < o.publishers; i++) {
      const client = await o.broker.connectPublisher(`${o.id}/pub-${i}`);
      const payload = Buffer.allocUnsafe(Math.max(0, o.payloadSize - HEADER_BYTES));
      for (let b = 0; b < payload.length; b++) payload[b] = 0x20 + (o.random.nextUint32() % 95);
      this.#pubs.push(new RatePublisher({ index: i, client, clock: o.clock, topic: topics[i % o.topics] as string, rate: o.rate, payload }));
    }
  }

  #receive(j: number, side: SubscriberSide, message: Uint8Array): void {
    if (message.length < HEADER_BYTES) return;
    const publisher = headerPublisher(message);
    const account = (side.accounts[publisher] ??= new ReceiveAccount());
    if (!account.receive(headerSeq(message))) return;
    const now = this.#arrivalTime();
    side.delivered += 1;
    side.lastDeliveryAt = now;
    this.#o.onLatency?.(j, now - headerScheduledAt(message));
  }

  /**
   * The time of a delivery, scenario ms. Reading the clock was the subscribers' costliest step of
   * duress's own (a few % of the process at 100k fan-outs/s), so one reading serves up to
   * ARRIVAL_READING_USES deliveries of the same synchronous run (one socket read's messages, which the
   * clients hand over in a loop), and never one past it: a microtask queued with the reading ends its use.
   * A latency is thus under-stated by at most the time this process takes for that many deliveries
   * (microseconds, where latencies are read in fractions of a millisecond).
   */
  #arrivalTime(): number {
    if (this.#arrivalUses === 0) {
      this.#arrivedAt = this.#o.clock.now();
      if (!this.#arrivalRunEnds) {
        this.#arrivalRunEnds = true;
        queueMicrotask(this.#endArrivalReading);
      }
    }
    this.#arrivalUses = (this.#arrivalUses + 1) % ARRIVAL_READING_USES;
    return this.#arrivedAt;
  }

  readonly #endArrivalReading = (): void => {
    this.#arrivalUses = 0;
    this.#arrivalRunEnds = false;
  };

  stopInput(): void {
    this.#inputStopped = true;
    for (const p of this.#pubs) p.stopInput();
  }

  /**
   * Waits (at most `wallMs`) until the server has processed every message published (PublishClient.flush),
   * so that what it counts of them (drops) is in its final figures. A publisher that cannot flush (its
   * connection gone) is not waited for.
   */
  async flushPublishers(wallMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const flushed = Promise.allSettled(this.#pubs.map((p) => p.flush()));
    await Promise.race([flushed, new Promise((r) => (timer = setTimeout(r, wallMs)))]);
    clearTimeout(timer);
  }

  /** Input stopped and every subscriber still connected has everything published. */
  drained(): boolean {
    return this.#inputStopped && this.subscriberStates().every((s) => s.inTransit === 0);
  }

  async stop(): Promise<void> {
    this.stopInput();
    await this.#closeClients();
    await this.#o.broker.stop();
  }

  async #closeClients(): Promise<void> {
    await Promise.allSettled([...this.#pubs.map((p) => p.close()), ...this.#subs.map((s) => s.client?.close())]);
  }

  progress(): { delivered: number; lastDeliveryAt: number } {
    let delivered = 0;
    let last = Number.NaN;
    for (const s of this.#subs) {
      delivered += s.delivered;
      if (Number.isNaN(last) || s.lastDeliveryAt > last) last = s.lastDeliveryAt;
    }
    return { delivered, lastDeliveryAt: last };
  }

  /** Messages the publishers handed to their clients so far (cheap: no accounting is read). */
  published(): number {
    return this.#pubs.reduce((n, p) => n + p.sent, 0);
  }

  /** Messages the publishers handed over and the server has not answered yet (Redis's replies). */
  publisherBacklog(): number {
    return this.#pubs.reduce((n, p) => n + p.unanswered, 0);
  }

  /**
   * Per subscriber: the pair accounting summed over publishers. Holes are explained by the drops the
   * broker declared first (its count is the server's, over every client), then what a subscriber lacks
   * after the last message it got; what no declared drop explains is lost if it is a hole, cut if the
   * broker cut the subscriber off (or its connection ended), and on its way otherwise.
   */
  subscriberStates(): SubscriberState[] {
    const stats = this.#o.broker.stats;
    const frame = HEADER_BYTES + Math.max(0, this.#o.payloadSize - HEADER_BYTES);
    const rows = this.#subs.map((s) => {
      let expected = 0;
      let delivered = 0;
      let duplicates = 0;
      let reordered = 0;
      let holes = 0;
      this.#pubs.forEach((p) => {
        const c = s.accounts[p.index]?.counts();
        expected += p.sent;
        delivered += c?.delivered ?? 0;
        duplicates += c?.duplicates ?? 0;
        reordered += c?.reordered ?? 0;
        holes += c?.gaps ?? 0;
      });
      return { s, expected, delivered, duplicates, reordered, holes, tail: Math.max(0, expected - delivered - holes) };
    });
    let pool = stats.dropped;
    const droppedHoles = rows.map((r) => {
      const d = Math.min(pool, r.holes);
      pool -= d;
      return d;
    });
    // The rest of the declared drops: the subscribers the broker said it drops for first.
    const droppedTail = rows.map(() => 0);
    const order = rows.map((_, j) => j).sort((a, b) => Number(stats.dropping.has(rows[b]?.s.name ?? '')) - Number(stats.dropping.has(rows[a]?.s.name ?? '')));
    for (const j of order) {
      const d = Math.min(pool, rows[j]?.tail ?? 0);
      droppedTail[j] = d;
      pool -= d;
    }
    return rows.map((r, j): SubscriberState => {
      const cutOff = stats.disconnections.get(r.s.name);
      const connected = r.s.client !== undefined && !r.s.client.closed && cutOff === undefined;
      const dropped = (droppedHoles[j] ?? 0) + (droppedTail[j] ?? 0);
      const remaining = r.tail - (droppedTail[j] ?? 0);
      return {
        link: `subscriber-${j}`,
        id: r.s.name,
        expected: r.expected,
        delivered: r.delivered,
        duplicates: r.duplicates,
        reordered: r.reordered,
        dropped,
        cut: connected ? 0 : remaining,
        inTransit: connected ? remaining : 0,
        lost: r.holes - (droppedHoles[j] ?? 0),
        queued: Math.round((stats.buffered.get(r.s.name) ?? 0) / frame),
        connected,
        disconnected: cutOff !== undefined,
        goneReason: cutOff?.reason ?? r.s.closedReason ?? (r.s.client ? undefined : 'could not connect'),
        goneAt: cutOff?.at ?? (Number.isNaN(r.s.closedAt) ? undefined : r.s.closedAt),
      };
    });
  }

  /** The instance's counters, under the in-process broker's names where they mean the same. */
  counters(states: readonly SubscriberState[] = this.subscriberStates()): Record<string, number> {
    const stats = this.#o.broker.stats;
    const frame = Math.max(1, this.#o.payloadSize);
    let queuedBytes = 0;
    let deepest = 0;
    for (const s of this.#subs) {
      const b = stats.buffered.get(s.name) ?? 0;
      queuedBytes += b;
      deepest = Math.max(deepest, b);
    }
    const sum = (k: 'delivered' | 'duplicates' | 'reordered' | 'cut' | 'inTransit' | 'lost' | 'expected'): number => states.reduce((n, s) => n + s[k], 0);
    return {
      published: this.published(),
      expected: sum('expected'),
      delivered: sum('delivered'),
      duplicates: sum('duplicates'),
      reordered: sum('reordered'),
      cut: sum('cut'),
      inTransit: sum('inTransit'),
      lost: sum('lost'),
      dropped: stats.dropped,
      disconnected: states.filter((s) => s.disconnected).length,
      subscribersLost: states.filter((s) => !s.connected && !s.disconnected).length,
      subscribersConnected: states.filter((s) => s.connected).length,
      queuedBytes,
      queuedMessages: Math.round(queuedBytes / frame),
      deepestQueueBytes: deepest,
      deepestQueueMessages: Math.round(deepest / frame),
      deepestQueue: Math.round(deepest / frame),
      publisherBacklog: this.publisherBacklog(),
      serverRss: stats.rss ?? 0,
    };
  }
}
