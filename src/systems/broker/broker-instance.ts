import type { Clock } from '../../core/clock.js';
import type { Random } from '../../core/random.js';
import { Broker, type Address, type BrokerCounters } from './broker.js';
import { ClientConnection } from './client-connection.js';
import type { SlotState } from './framed-connection.js';
import type { InboxOptions } from './inbox.js';
import { Role } from './protocol.js';
import { Publisher } from './publisher.js';
import type { ReadRate } from './read-throttle.js';
import { Subscriber } from './subscriber.js';

/** Where a client connects: the broker itself (default), or a proxy route in front of it. */
export type AddressChoice = Address[] | ((index: number, broker: Address) => Address | Promise<Address>);

/** Per-subscriber behaviour for tests and scenarios that make a consumer slow without a proxy. */
export interface SubscriberTuning {
  readRate?: ReadRate;
  /** Connected and subscribed, but never reading. */
  paused?: boolean;
}

export interface BrokerInstanceOptions {
  /** Unique within the run; client ids are `<id>/pub-<i>`, `<id>/sub-<j>`, `<id>/peer-<k>`. */
  id: string;
  clock: Clock;
  random: Random;
  /** Clients that only publish. */
  publishers: number;
  /** Clients that only subscribe. */
  subscribers: number;
  /**
   * Clients that publish and subscribe over one connection (a chat room, gossip). In sync-ack mode these
   * are the connections that can lock up with the broker (seeds/001). Default 0.
   */
  peers?: number;
  /** Topics `t0`..`t<n-1>`; publisher i (peers after publishers) publishes to topic i mod n; every subscriber subscribes to all. Default 1. */
  topics?: number;
  /** Messages per scenario second, per publisher (and per peer). */
  rate: number;
  /** Payload bytes per message. */
  payloadSize: number;
  inbox: InboxOptions;
  /** Sync-ack mode with this many slots per pool per connection (libchirp: 1 when synchronous). */
  syncAck?: { slots: number } | undefined;
  /** Connect addresses of subscribing clients: subscribers 0..S-1, then peers S..S+K-1. */
  subscriberAddress?: AddressChoice;
  /** Connect addresses of publishers 0..P-1 (peers use their subscriber address). */
  publisherAddress?: AddressChoice;
  /** Slow or dead subscribers, by the same index as `subscriberAddress`. */
  subscriberTuning?: (index: number) => SubscriberTuning | undefined;
  /** Userland bytes buffered in a subscriber's socket before its inbox holds messages (default 64 KiB). */
  writeHighWater?: number;
  /** Credit window of each subscribing client in bytes (default 64 KiB): the stand-in for its socket buffers. */
  creditWindow?: number;
  /** Wall ms between a publisher's hand-overs (default 2). */
  publisherTickMs?: number;
  /**
   * Start even if some subscribing clients cannot connect or subscribe (a dead link at start): they are
   * left closed, and publishing starts once every one has subscribed or failed. Default false: start fails.
   */
  tolerateSubscriberFailures?: boolean;
  /** Called with the end-to-end latency (scenario ms) of every first delivery to subscribing client `index`. */
  onLatency?: (index: number, ms: number) => void;
}

/** Accounting of one subscriber for one publisher, both sides combined. */
export interface PairReport {
  subscriber: string;
  publisher: string;
  /** Messages the publisher sent while the subscriber was subscribed. */
  expected: number;
  delivered: number;
  duplicates: number;
  reordered: number;
  /** Holes below the highest seq received. */
  gaps: number;
  dropped: number;
  /** Lost to a disconnect (still queued or in the socket, or published after it); 0 while connected. */
  cut: number;
  /** Still on the way (connected subscribers only). */
  inTransit: number;
  /** Holes that no declared drop explains: silent loss. */
  lost: number;
  connected: boolean;
}

/** One subscriber's disconnection, for the journal and failure evidence. */
export interface SubscriberGone {
  subscriber: string;
  reason: string;
  byPolicy: boolean;
  /** Scenario epoch ms. */
  at: number;
}

/**
 * One broker with P publishers, S subscribers and K peers on loopback (design.md "The broker"), as one
 * instance under test, run in its worker by worker.ts. `counters()` is flat; per-subscriber latency goes to `onLatency`, per-pair
 * accounting in `pairs()`, slot pools in `slotStates()`, and `progress()` feeds the hang watchdog.
 */
export class BrokerInstance {
  readonly id: string;
  readonly broker: Broker;
  readonly publishers: Publisher[] = [];
  readonly subscribers: Subscriber[] = [];
  readonly #o: BrokerInstanceOptions;
  readonly #connections: ClientConnection[] = [];
  readonly #gone: SubscriberGone[] = [];
  #final: Record<string, number> | undefined;
  #inputStopped = false;

  constructor(options: BrokerInstanceOptions) {
    for (const k of ['publishers', 'subscribers', 'peers', 'topics'] as const) {
      const v = options[k];
      if (v !== undefined && (!Number.isInteger(v) || v < 0)) throw new RangeError(`broker instance: ${k} must be a whole number, got ${v}`);
    }
    if ((options.topics ?? 1) < 1) throw new RangeError('broker instance: at least one topic');
    this.id = options.id;
    this.#o = options;
    this.broker = new Broker({
      clock: options.clock,
      inbox: options.inbox,
      syncAck: options.syncAck,
      ...(options.writeHighWater === undefined ? {} : { writeHighWater: options.writeHighWater }),
    });
    this.broker.onSubscriberGone = (subscriber, reason, byPolicy) => this.#gone.push({ subscriber, reason, byPolicy, at: options.clock.now() });
  }

  async start(): Promise<void> {
    try {
      await this.#start();
    } catch (e) {
      for (const c of this.#connections) c.close();
      await this.broker.stop().catch(() => undefined);
      throw e;
    }
  }

  async #start(): Promise<void> {
    const o = this.#o;
    const brokerAddress = await this.broker.start();
    const topicCount = o.topics ?? 1;
    const topics = Array.from({ length: topicCount }, (_, i) => `t${i}`);
    const peers = o.peers ?? 0;
    const connect = (id: string, roles: number, address: Address): ClientConnection => {
      const c = new ClientConnection({
        id,
        roles,
        address,
        clock: o.clock,
        syncAck: o.syncAck,
        ...(o.creditWindow === undefined ? {} : { creditWindow: o.creditWindow }),
      });
      this.#connections.push(c);
      return c;
    };

    const subscribing: ClientConnection[] = [];
    for (let j = 0; j < o.subscribers + peers; j++) {
      const isPeer = j >= o.subscribers;
      const id = isPeer ? `${o.id}/peer-${j - o.subscribers}` : `${o.id}/sub-${j}`;
      const address = await pick(o.subscriberAddress, j, brokerAddress);
      const conn = connect(id, isPeer ? Role.publish | Role.subscribe : Role.subscribe, address);
      subscribing.push(conn);
      const tuning = o.subscriberTuning?.(j);
      const onLatency = o.onLatency;
      this.subscribers.push(
        new Subscriber({ connection: conn, topics, clock: o.clock, readRate: tuning?.readRate, paused: tuning?.paused, onLatency: onLatency && ((ms) => onLatency(j, ms)) }),
      );
    }
    const starts = this.subscribers.map((s) => s.start());
    if (o.tolerateSubscriberFailures) {
      const settled = await Promise.allSettled(starts);
      settled.forEach((r, j) => r.status === 'rejected' && this.subscribers[j]?.close());
    } else await Promise.all(starts);

    const publishing: ClientConnection[] = [];
    for (let i = 0; i < o.publishers; i++) {
      publishing.push(connect(`${o.id}/pub-${i}`, Role.publish, await pick(o.publisherAddress, i, brokerAddress)));
    }
    publishing.push(...subscribing.slice(o.subscribers));
    publishing.forEach((connection, i) => {
      this.publishers.push(
        new Publisher({
          connection,
          topic: topics[i % topicCount] as string,
          rate: o.rate,
          payloadSize: o.payloadSize,
          clock: o.clock,
          random: o.random.fork(connection.id),
          ...(o.publisherTickMs === undefined ? {} : { tickMs: o.publisherTickMs }),
        }),
      );
    });
    await Promise.all(this.publishers.map((p) => p.start()));
  }

  stopInput(): void {
    this.#inputStopped = true;
    for (const p of this.publishers) p.stopInput();
  }

  drained(): boolean {
    if (this.broker.counters().queuedMessages > 0) return false;
    for (const p of this.publishers) {
      if (!p.closed && this.broker.receivedFrom(p.id) < p.sent) return false;
    }
    return this.pairs().every((r) => r.inTransit === 0);
  }

  async stop(): Promise<void> {
    if (!this.#inputStopped) this.stopInput();
    if (!this.#final) {
      const c = this.#compute();
      c.undrained = c.inTransit ?? 0;
      c.inTransit = 0;
      this.#final = c;
    }
    for (const c of this.#connections) c.close();
    await this.broker.stop();
  }

  counters(): Record<string, number> {
    return this.#final ? { ...this.#final } : this.#compute();
  }

  /** A monotonic count of first deliveries to subscribers and the scenario time of the last one (NaN if none). */
  progress(): { delivered: number; lastDeliveryAt: number } {
    let delivered = 0;
    let last = Number.NaN;
    for (const s of this.subscribers) {
      delivered += s.delivered;
      if (Number.isNaN(last) || s.lastDeliveryAt > last) last = s.lastDeliveryAt;
    }
    return { delivered, lastDeliveryAt: last };
  }

  /** Slot pools of every open connection endpoint in sync-ack mode, broker side and client side. */
  slotStates(): SlotState[] {
    const client = this.#connections.map((c) => c.slotState()).filter((s): s is SlotState => s !== undefined);
    return [...this.broker.slotStates(), ...client];
  }

  /** Subscribers disconnected or lost so far. */
  disconnections(): SubscriberGone[] {
    return [...this.#gone];
  }

  /** Per subscriber, per publisher accounting. */
  pairs(): PairReport[] {
    const brokerPairs = this.broker.pairs();
    const out: PairReport[] = [];
    for (const s of this.subscribers) {
      const connected = !s.closed && this.broker.subscriberConnected(s.id);
      const bp = brokerPairs.get(s.id);
      for (const p of this.publishers) {
        const r = s.counts(p.id);
        const dropped = bp?.get(p.id)?.dropped ?? 0;
        const expected = p.sent;
        const lost = Math.max(0, r.gaps - dropped);
        const remaining = Math.max(0, expected - r.delivered - dropped);
        out.push({
          subscriber: s.id,
          publisher: p.id,
          expected,
          delivered: r.delivered,
          duplicates: r.duplicates,
          reordered: r.reordered,
          gaps: r.gaps,
          dropped,
          cut: connected ? 0 : Math.max(0, remaining - lost),
          inTransit: connected ? remaining : 0,
          lost,
          connected,
        });
      }
    }
    return out;
  }

  #compute(): Record<string, number> {
    const b: BrokerCounters = this.broker.counters();
    const t = { expected: 0, delivered: 0, duplicates: 0, reordered: 0, gaps: 0, cut: 0, inTransit: 0, lost: 0 };
    for (const r of this.pairs()) {
      t.expected += r.expected;
      t.delivered += r.delivered;
      t.duplicates += r.duplicates;
      t.reordered += r.reordered;
      t.gaps += r.gaps;
      t.cut += r.cut;
      t.inTransit += r.inTransit;
      t.lost += r.lost;
    }
    let published = 0;
    let backlog = 0;
    let stalledTicks = 0;
    for (const p of this.publishers) {
      published += p.sent;
      backlog += p.backlog;
      stalledTicks += p.stalledTicks;
    }
    const slots = this.slotStates();
    return {
      published,
      ...t,
      undrained: 0,
      dropped: b.dropped,
      disconnected: b.disconnected,
      subscribersLost: b.subscribersLost,
      subscribersConnected: b.subscribersConnected,
      deepestQueue: b.deepestQueueMessages,
      deepestQueueMessages: b.deepestQueueMessages,
      deepestQueueBytes: b.deepestQueueBytes,
      queuedMessages: b.queuedMessages,
      queuedBytes: b.queuedBytes,
      publisherBacklog: backlog,
      publisherStalledTicks: stalledTicks,
      publisherPauses: b.publisherPauses,
      publisherPausedMs: b.publisherPausedMs,
      brokerReceived: b.received,
      brokerRouted: b.routed,
      brokerWritten: b.written,
      protocolErrors: b.protocolErrors,
      slotsUsed: slots.reduce((n, s) => n + s.send.used + s.recv.used, 0),
      slotsOldestWaitMs: slots.reduce((n, s) => Math.max(n, s.oldestWaitMs), 0),
    };
  }
}

async function pick(choice: AddressChoice | undefined, index: number, broker: Address): Promise<Address> {
  if (!choice) return broker;
  if (Array.isArray(choice)) {
    const a = choice[index];
    if (!a) throw new RangeError(`broker instance: no address for client ${index}`);
    return a;
  }
  return choice(index, broker);
}
