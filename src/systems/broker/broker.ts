import net from 'node:net';
import type { Clock } from '../../core/clock.js';
import { createInbox } from './create-inbox.js';
import { FramedConnection, type SlotState } from './framed-connection.js';
import type { InboxOptions, QueuedRun, Settleable } from './inbox.js';
import { MAX_SLAB_FRAME, MsgEncoder, msgPrefix } from './msg-encoder.js';
import { Outlet } from './outlet.js';
import type { PairCounts } from './pair-counts.js';
import { encodeSuback, encodeWelcome, ProtocolError, Role, type Frame, type FrameDecoder } from './protocol.js';
import { PubRunScanner } from './pub-run.js';

export interface BrokerOptions {
  clock: Clock;
  /** The inbox policy given to every subscriber. */
  inbox: InboxOptions;
  /** Sync-ack mode with this many slots per pool per connection; off when undefined. */
  syncAck?: { slots: number } | undefined;
  /** Userland bytes buffered in a subscriber's socket before its inbox starts to hold messages. */
  writeHighWater?: number;
  maxFrameBytes?: number;
  /** How often time-based inbox limits are checked (scenario ms). */
  checkIntervalMs?: number;
  host?: string;
  port?: number;
}

export interface Address {
  host: string;
  port: number;
}

/** The broker's own counters; every figure is a plain number. */
export interface BrokerCounters {
  connections: number;
  publishersConnected: number;
  subscribersConnected: number;
  /** PUB frames received. */
  received: number;
  /** Copies offered to subscriber inboxes. */
  routed: number;
  dropped: number;
  written: number;
  /** Copies still queued when their subscriber was disconnected or went away. */
  cut: number;
  /** Subscribers disconnected by their inbox policy. */
  disconnected: number;
  /** Subscriber connections that closed for another reason (the client, the network). */
  subscribersLost: number;
  /** Largest inbox seen (messages, bytes), over every subscriber since start. */
  deepestQueueMessages: number;
  deepestQueueBytes: number;
  /** Held for subscribers now: inboxes, messages waiting for a send slot, socket buffers. */
  queuedMessages: number;
  queuedBytes: number;
  /** Times the broker stopped reading from publishers (block policy), and scenario ms spent so. */
  publisherPauses: number;
  publisherPausedMs: number;
  protocolErrors: number;
}

/** One connected client, on the broker's side. */
interface Client {
  id: string | undefined;
  roles: number;
  conn: FramedConnection<QueuedRun>;
  outlet: Outlet | undefined;
  /** A publishing client's count of PUB frames received; the same object stays in `#receivedBy` once it is gone. */
  received: { count: number } | undefined;
  /** The MSG prefix (msg-encoder.ts) of the topic it last published to, encoded once per topic change. */
  prefixTopic: string | undefined;
  prefix: Buffer | undefined;
}

/** A publication in sync-ack mode: acknowledged to its publisher once every copy is settled. */
class Publication implements Settleable {
  #pending: number;
  readonly #release: () => void;

  constructor(copies: number, release: () => void) {
    this.#pending = copies;
    this.#release = release;
  }

  settle(): void {
    this.#pending -= 1;
    if (this.#pending === 0) this.#release();
  }
}

/**
 * The in-process pub/sub broker (design.md "The broker"): a TCP server on loopback speaking the framed
 * protocol of protocol.ts. Publishers publish to topics; every subscriber of a topic gets a copy through
 * its own inbox, whose policy decides what a slow subscriber costs (inbox.ts).
 *
 * In sync-ack mode every data frame is acknowledged and each connection endpoint has bounded slot pools
 * (libchirp). The broker routes synchronously, as libchirp advises for a router between synchronous
 * peers: it holds a publication's receive slot, and acknowledges it, only once every subscriber has
 * acknowledged (or dropped, or lost) its copy. A client that publishes and subscribes over one connection
 * can then lock up with the broker for good when both sides' slots are full (seeds/001).
 */
export class Broker {
  readonly #o: BrokerOptions;
  readonly #server: net.Server;
  readonly #clients = new Set<Client>();
  readonly #ids = new Set<string>();
  readonly #topics = new Map<string, Set<Outlet>>();
  readonly #outlets = new Map<string, Outlet>();
  readonly #fullOutlets = new Set<Outlet>();
  readonly #publishers = new Set<Client>();
  readonly #receivedBy = new Map<string, { count: number }>();
  readonly #encoder = new MsgEncoder();
  readonly #runs = new PubRunScanner();
  #checkTimer: NodeJS.Timeout | undefined;
  #pausedSince: number | undefined;
  #address: Address | undefined;
  readonly #c = {
    received: 0,
    disconnected: 0,
    subscribersLost: 0,
    publisherPauses: 0,
    publisherPausedMs: 0,
    protocolErrors: 0,
  };
  /** Called when a subscriber is disconnected by its policy or goes away. */
  onSubscriberGone: ((id: string, reason: string, byPolicy: boolean) => void) | undefined;

  constructor(options: BrokerOptions) {
    this.#o = options;
    createInbox(options.inbox); // validates the policy options before anyone connects
    this.#server = net.createServer((socket) => this.#accept(socket));
  }

  get address(): Address {
    if (!this.#address) throw new Error('broker: not started');
    return this.#address;
  }

  async start(): Promise<Address> {
    const { host = '127.0.0.1', port = 0 } = this.#o;
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, host, () => {
        this.#server.off('error', reject);
        resolve();
      });
    });
    const a = this.#server.address() as net.AddressInfo;
    this.#address = { host: a.address, port: a.port };
    this.#checkTimer = this.#o.clock.setInterval(() => this.#check(), this.#o.checkIntervalMs ?? 50);
    return this.#address;
  }

  async stop(): Promise<void> {
    if (this.#checkTimer) clearInterval(this.#checkTimer);
    this.#checkTimer = undefined;
    for (const c of this.#clients) c.conn.destroy('broker stopped');
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** PUB frames received from one publisher (by client id). */
  receivedFrom(publisherId: string): number {
    return this.#receivedBy.get(publisherId)?.count ?? 0;
  }

  /** Per subscriber, per publisher: what happened to each routed copy. Kept after a subscriber is gone. */
  pairs(): Map<string, Map<string, PairCounts>> {
    const out = new Map<string, Map<string, PairCounts>>();
    for (const [id, o] of this.#outlets) out.set(id, o.pairs);
    return out;
  }

  /** Whether a subscriber (by client id) is still connected. */
  subscriberConnected(id: string): boolean {
    const o = this.#outlets.get(id);
    return !!o && !o.gone;
  }

  /** Slot pools of every connection (sync-ack mode), broker side. */
  slotStates(): SlotState[] {
    return [...this.#clients].filter((c) => c.conn.syncAck && !c.conn.closed).map((c) => c.conn.slotState());
  }

  counters(): BrokerCounters {
    let routed = 0;
    let dropped = 0;
    let written = 0;
    let cut = 0;
    let deepestQueueMessages = 0;
    let deepestQueueBytes = 0;
    let queuedMessages = 0;
    let queuedBytes = 0;
    let subscribersConnected = 0;
    for (const o of this.#outlets.values()) {
      for (const p of o.pairs.values()) {
        routed += p.routed;
        dropped += p.dropped;
        written += p.written;
        cut += p.cut;
      }
      deepestQueueMessages = Math.max(deepestQueueMessages, o.deepestMessages);
      deepestQueueBytes = Math.max(deepestQueueBytes, o.deepestBytes);
      if (!o.gone) {
        subscribersConnected += 1;
        queuedMessages += o.queuedMessages;
        queuedBytes += o.queuedBytes;
      }
    }
    const pausedNow = this.#pausedSince === undefined ? 0 : this.#o.clock.now() - this.#pausedSince;
    return {
      connections: this.#clients.size,
      publishersConnected: this.#publishers.size,
      subscribersConnected,
      received: this.#c.received,
      routed,
      dropped,
      written,
      cut,
      disconnected: this.#c.disconnected,
      subscribersLost: this.#c.subscribersLost,
      deepestQueueMessages,
      deepestQueueBytes,
      queuedMessages,
      queuedBytes,
      publisherPauses: this.#c.publisherPauses,
      publisherPausedMs: this.#c.publisherPausedMs + pausedNow,
      protocolErrors: this.#c.protocolErrors,
    };
  }

  #accept(socket: net.Socket): void {
    const client: Client = {
      id: undefined,
      roles: 0,
      outlet: undefined,
      received: undefined,
      prefixTopic: undefined,
      prefix: undefined,
      conn: new FramedConnection<QueuedRun>({
        socket,
        clock: this.#o.clock,
        name: 'broker/?',
        ...(this.#o.maxFrameBytes === undefined ? {} : { maxFrameBytes: this.#o.maxFrameBytes }),
        ...(this.#o.writeHighWater === undefined ? {} : { writeHighWater: this.#o.writeHighWater }),
        onData: (frame, release) => this.#publish(client, frame, release),
        takeData: (decoder) => this.#publishRun(client, decoder),
        onControl: (frame) => this.#control(client, frame),
        onAcked: (tags) => client.outlet?.acked(tags),
        onWritable: () => client.outlet?.pump(),
        onClose: (reason) => this.#closed(client, reason),
        onProtocolError: () => {
          this.#c.protocolErrors += 1;
        },
        pendingSend: () => client.outlet?.queuedMessages ?? 0,
      }),
    };
    this.#clients.add(client);
  }

  #control(client: Client, frame: Exclude<Frame, { type: 'pub' | 'msg' | 'ack' }>): void {
    if (frame.type === 'hello') {
      if (client.id !== undefined) throw this.#protocolError('second HELLO on one connection');
      const brokerSlots = this.#o.syncAck?.slots ?? 0;
      if ((frame.slots > 0) !== (brokerSlots > 0)) {
        throw this.#protocolError(`sync-ack mismatch: the broker has it ${brokerSlots > 0 ? 'on' : 'off'}, the client ${frame.slots > 0 ? 'on' : 'off'}`);
      }
      if (this.#ids.has(frame.id)) throw this.#protocolError(`client id ${frame.id} is already in use`);
      client.id = frame.id;
      client.roles = frame.roles;
      client.conn.name = `broker/${frame.id}`;
      this.#ids.add(frame.id);
      if (brokerSlots > 0) client.conn.enableSyncAck(brokerSlots);
      if (frame.roles & Role.publish) {
        this.#publishers.add(client);
        let received = this.#receivedBy.get(frame.id);
        if (!received) this.#receivedBy.set(frame.id, (received = { count: 0 }));
        client.received = received;
        client.conn.setReadGate(() => this.#fullOutlets.size === 0);
      }
      client.conn.sendControl(encodeWelcome(brokerSlots));
      return;
    }
    if (client.id === undefined) throw this.#protocolError(`${frame.type.toUpperCase()} before HELLO`);
    if (frame.type === 'sub') {
      if (!(client.roles & Role.subscribe)) throw this.#protocolError('SUB from a client that did not say it subscribes');
      const outlet = (client.outlet ??= this.#newOutlet(client.id, client.conn));
      let subs = this.#topics.get(frame.topic);
      if (!subs) this.#topics.set(frame.topic, (subs = new Set()));
      subs.add(outlet);
      client.conn.sendControl(encodeSuback(frame.topic));
      return;
    }
    if (frame.type === 'credit') {
      if (!client.outlet) throw this.#protocolError('CREDIT before SUB');
      client.outlet.grant(frame.bytes);
      return;
    }
    throw this.#protocolError(`unexpected ${frame.type.toUpperCase()} frame from a client`);
  }

  #newOutlet(id: string, conn: FramedConnection<QueuedRun>): Outlet {
    const outlet = new Outlet(id, conn, createInbox(this.#o.inbox), {
      fullChanged: (o) => this.#fullChanged(o),
      gone: (o, reason, byPolicy) => this.#outletGone(o, reason, byPolicy),
    });
    this.#outlets.set(id, outlet);
    return outlet;
  }

  #publish(client: Client, frame: Extract<Frame, { type: 'pub' | 'msg' }>, release: () => void): void {
    if (frame.type !== 'pub' || client.id === undefined || !(client.roles & Role.publish)) {
      throw this.#protocolError(client.id === undefined ? 'PUB before HELLO' : `unexpected ${frame.type.toUpperCase()} frame`);
    }
    this.#c.received += 1;
    (client.received as { count: number }).count += 1;
    const subs = this.#topics.get(frame.topic);
    const n = subs?.size ?? 0;
    if (n === 0) {
      release();
      return;
    }
    const origin = client.conn.syncAck ? new Publication(n, release) : undefined;
    if (!origin) release();
    const encoder = this.#encoder;
    encoder.encode(this.#prefix(client, frame.topic), frame.seq, frame.scheduledAt, frame.payload);
    const run: QueuedRun = { slab: encoder.slab, at: encoder.at, size: encoder.size, count: 1, publisherId: client.id, routedAt: this.#o.clock.now(), origin };
    // Deleting from a Set while iterating it is safe: an outlet cut off here is simply not visited again.
    for (const o of subs as Set<Outlet>) o.offer(run);
  }

  /**
   * Routes whole PUB frames of a publisher as runs (inbox.ts `QueuedRun`), read in place (pub-run.ts):
   * what one read of its socket brought is mostly one run, offered once to each subscriber. A run stops
   * where a frame differs (topic, size, type, validity), where the slab ends, and where a subscriber's
   * inbox would be full (block), so that reading stops at the very message it would stop at one by one.
   * Returns the frames taken; 0 leaves the next frame to `#publish` (sync-ack mode, a client that may
   * not publish, a frame too large for a slab, anything else the decoder must judge).
   */
  #publishRun(client: Client, decoder: FrameDecoder): number {
    const scan = this.#runs;
    if (client.id === undefined || !(client.roles & Role.publish) || client.conn.syncAck || !scan.peek(decoder)) return 0;
    const subs = this.#topics.get(scan.topic);
    const prefix = this.#prefix(client, scan.topic);
    const size = 4 + prefix.length + scan.frameSize - scan.bodyAt;
    if (size > MAX_SLAB_FRAME) return 0;
    let max = Infinity;
    if (subs) for (const o of subs) max = Math.min(max, o.inbox.roomBeforeFull(size));
    let count = scan.count(decoder, max);
    if (count === 0) return 0;
    if (subs && subs.size > 0) {
      const encoder = this.#encoder;
      count = encoder.encodeRun(prefix, decoder.bytes, decoder.offset, scan.frameSize, scan.bodyAt, count);
      const run: QueuedRun = { slab: encoder.slab, at: encoder.at, size, count, publisherId: client.id, routedAt: this.#o.clock.now(), origin: undefined };
      for (const o of subs) o.offer(run);
    }
    this.#c.received += count;
    (client.received as { count: number }).count += count;
    decoder.consume(count * scan.frameSize);
    return count;
  }

  /** The MSG prefix (msg-encoder.ts) of a publisher's messages to a topic, encoded once per topic change. */
  #prefix(client: Client, topic: string): Buffer {
    if (client.prefixTopic !== topic) {
      client.prefix = msgPrefix(topic, client.id as string);
      client.prefixTopic = topic;
    }
    return client.prefix as Buffer;
  }

  #closed(client: Client, reason: string): void {
    this.#clients.delete(client);
    this.#publishers.delete(client);
    if (client.id !== undefined) this.#ids.delete(client.id);
    client.outlet?.disconnect(reason, false);
    // A publisher's unacknowledged copies can never be acknowledged now; nothing waits on them but the
    // publisher itself, which is gone.
    client.conn.takeUnacked();
  }

  #outletGone(outlet: Outlet, reason: string, byPolicy: boolean): void {
    for (const subs of this.#topics.values()) subs.delete(outlet);
    if (byPolicy) this.#c.disconnected += 1;
    else this.#c.subscribersLost += 1;
    this.onSubscriberGone?.(outlet.id, reason, byPolicy);
  }

  #fullChanged(outlet: Outlet): void {
    const wasPaused = this.#fullOutlets.size > 0;
    if (outlet.full) this.#fullOutlets.add(outlet);
    else this.#fullOutlets.delete(outlet);
    const paused = this.#fullOutlets.size > 0;
    if (paused && !wasPaused) {
      this.#c.publisherPauses += 1;
      this.#pausedSince = this.#o.clock.now();
    } else if (!paused && wasPaused) {
      if (this.#pausedSince !== undefined) this.#c.publisherPausedMs += this.#o.clock.now() - this.#pausedSince;
      this.#pausedSince = undefined;
      for (const p of [...this.#publishers]) p.conn.kick();
    }
  }

  #check(): void {
    const now = this.#o.clock.now();
    for (const o of [...this.#outlets.values()]) o.check(now);
  }

  #protocolError(message: string): ProtocolError {
    return new ProtocolError(message);
  }
}
