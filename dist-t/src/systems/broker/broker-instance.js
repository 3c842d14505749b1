import { Broker } from './broker.js';
import { ClientConnection } from './client-connection.js';
import { Role } from './protocol.js';
import { Publisher } from './publisher.js';
import { Subscriber } from './subscriber.js';
/**
 * One broker with P publishers, S subscribers and K peers on loopback (design.md "The broker"), as one
 * instance under test, run in its worker by worker.ts. `counters()` is flat; per-subscriber latency goes to `onLatency`, per-pair
 * accounting in `pairs()`, slot pools in `slotStates()`, and `progress()` feeds the hang watchdog.
 */
export class BrokerInstance {
    id;
    broker;
    publishers = [];
    subscribers = [];
    #o;
    #connections = [];
    #gone = [];
    #final;
    #inputStopped = false;
    constructor(options) {
        for (const k of ['publishers', 'subscribers', 'peers', 'topics']) {
            const v = options[k];
            if (v !== undefined && (!Number.isInteger(v) || v < 0))
                throw new RangeError(`broker instance: ${k} must be a whole number, got ${v}`);
        }
        if ((options.topics ?? 1) < 1)
            throw new RangeError('broker instance: at least one topic');
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
    async start() {
        try {
            await this.#start();
        }
        catch (e) {
            for (const c of this.#connections)
                c.close();
            await this.broker.stop().catch(() => undefined);
            throw e;
        }
    }
    async #start() {
        const o = this.#o;
        const brokerAddress = await this.broker.start();
        const topicCount = o.topics ?? 1;
        const topics = Array.from({ length: topicCount }, (_, i) => `t${i}`);
        const peers = o.peers ?? 0;
        const connect = (id, roles, address) => {
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
        const subscribing = [];
        for (let j = 0; j < o.subscribers + peers; j++) {
            const isPeer = j >= o.subscribers;
            const id = isPeer ? `${o.id}/peer-${j - o.subscribers}` : `${o.id}/sub-${j}`;
            const address = await pick(o.subscriberAddress, j, brokerAddress);
            const conn = connect(id, isPeer ? Role.publish | Role.subscribe : Role.subscribe, address);
            subscribing.push(conn);
            const tuning = o.subscriberTuning?.(j);
            const onLatency = o.onLatency;
            this.subscribers.push(new Subscriber({ connection: conn, topics, clock: o.clock, readRate: tuning?.readRate, paused: tuning?.paused, onLatency: onLatency && ((ms) => onLatency(j, ms)) }));
        }
        const starts = this.subscribers.map((s) => s.start());
        if (o.tolerateSubscriberFailures) {
            const settled = await Promise.allSettled(starts);
            settled.forEach((r, j) => r.status === 'rejected' && this.subscribers[j]?.close());
        }
        else
            await Promise.all(starts);
        const publishing = [];
        for (let i = 0; i < o.publishers; i++) {
            publishing.push(connect(`${o.id}/pub-${i}`, Role.publish, await pick(o.publisherAddress, i, brokerAddress)));
        }
        publishing.push(...subscribing.slice(o.subscribers));
        publishing.forEach((connection, i) => {
            this.publishers.push(new Publisher({
                connection,
                topic: topics[i % topicCount],
                rate: o.rate,
                payloadSize: o.payloadSize,
                clock: o.clock,
                random: o.random.fork(connection.id),
                ...(o.publisherTickMs === undefined ? {} : { tickMs: o.publisherTickMs }),
            }));
        });
        await Promise.all(this.publishers.map((p) => p.start()));
    }
    stopInput() {
        this.#inputStopped = true;
        for (const p of this.publishers)
            p.stopInput();
    }
    drained() {
        if (this.broker.counters().queuedMessages > 0)
            return false;
        for (const p of this.publishers) {
            if (!p.closed && this.broker.receivedFrom(p.id) < p.sent)
                return false;
        }
        return this.pairs().every((r) => r.inTransit === 0);
    }
    async stop() {
        if (!this.#inputStopped)
            this.stopInput();
        if (!this.#final) {
            const c = this.#compute();
            c.undrained = c.inTransit ?? 0;
            c.inTransit = 0;
            this.#final = c;
        }
        for (const c of this.#connections)
            c.close();
        await this.broker.stop();
    }
    counters() {
        return this.#final ? { ...this.#final } : this.#compute();
    }
    /** A monotonic count of first deliveries to subscribers and the scenario time of the last one (NaN if none). */
    progress() {
        let delivered = 0;
        let last = Number.NaN;
        for (const s of this.subscribers) {
            delivered += s.delivered;
            if (Number.isNaN(last) || s.lastDeliveryAt > last)
                last = s.lastDeliveryAt;
        }
        return { delivered, lastDeliveryAt: last };
    }
    /** Slot pools of every open connection endpoint in sync-ack mode, broker side and client side. */
    slotStates() {
        const client = this.#connections.map((c) => c.slotState()).filter((s) => s !== undefined);
        return [...this.broker.slotStates(), ...client];
    }
    /** Subscribers disconnected or lost so far. */
    disconnections() {
        return [...this.#gone];
    }
    /** Per subscriber, per publisher accounting. */
    pairs() {
        const brokerPairs = this.broker.pairs();
        const out = [];
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
    #compute() {
        const b = this.broker.counters();
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
async function pick(choice, index, broker) {
    if (!choice)
        return broker;
    if (Array.isArray(choice)) {
        const a = choice[index];
        if (!a)
            throw new RangeError(`broker instance: no address for client ${index}`);
        return a;
    }
    return choice(index, broker);
}
//# sourceMappingURL=broker-instance.js.map