import net from 'node:net';
import { createInbox } from './create-inbox.js';
import { FramedConnection } from './framed-connection.js';
import { MsgEncoder, msgPrefix } from './msg-encoder.js';
import { Outlet } from './outlet.js';
import { encodeSuback, encodeWelcome, ProtocolError, Role } from './protocol.js';
/** A publication in sync-ack mode: acknowledged to its publisher once every copy is settled. */
class Publication {
    #pending;
    #release;
    constructor(copies, release) {
        this.#pending = copies;
        this.#release = release;
    }
    settle() {
        this.#pending -= 1;
        if (this.#pending === 0)
            this.#release();
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
    #o;
    #server;
    #clients = new Set();
    #ids = new Set();
    #topics = new Map();
    #outlets = new Map();
    #fullOutlets = new Set();
    #publishers = new Set();
    #receivedBy = new Map();
    #encoder = new MsgEncoder();
    #checkTimer;
    #pausedSince;
    #address;
    #c = {
        received: 0,
        disconnected: 0,
        subscribersLost: 0,
        publisherPauses: 0,
        publisherPausedMs: 0,
        protocolErrors: 0,
    };
    /** Called when a subscriber is disconnected by its policy or goes away. */
    onSubscriberGone;
    constructor(options) {
        this.#o = options;
        createInbox(options.inbox); // validates the policy options before anyone connects
        this.#server = net.createServer((socket) => this.#accept(socket));
    }
    get address() {
        if (!this.#address)
            throw new Error('broker: not started');
        return this.#address;
    }
    async start() {
        const { host = '127.0.0.1', port = 0 } = this.#o;
        await new Promise((resolve, reject) => {
            this.#server.once('error', reject);
            this.#server.listen(port, host, () => {
                this.#server.off('error', reject);
                resolve();
            });
        });
        const a = this.#server.address();
        this.#address = { host: a.address, port: a.port };
        this.#checkTimer = this.#o.clock.setInterval(() => this.#check(), this.#o.checkIntervalMs ?? 50);
        return this.#address;
    }
    async stop() {
        if (this.#checkTimer)
            clearInterval(this.#checkTimer);
        this.#checkTimer = undefined;
        for (const c of this.#clients)
            c.conn.destroy('broker stopped');
        await new Promise((resolve) => this.#server.close(() => resolve()));
    }
    /** PUB frames received from one publisher (by client id). */
    receivedFrom(publisherId) {
        return this.#receivedBy.get(publisherId)?.count ?? 0;
    }
    /** Per subscriber, per publisher: what happened to each routed copy. Kept after a subscriber is gone. */
    pairs() {
        const out = new Map();
        for (const [id, o] of this.#outlets)
            out.set(id, o.pairs);
        return out;
    }
    /** Whether a subscriber (by client id) is still connected. */
    subscriberConnected(id) {
        const o = this.#outlets.get(id);
        return !!o && !o.gone;
    }
    /** Slot pools of every connection (sync-ack mode), broker side. */
    slotStates() {
        return [...this.#clients].filter((c) => c.conn.syncAck && !c.conn.closed).map((c) => c.conn.slotState());
    }
    counters() {
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
    #accept(socket) {
        const client = {
            id: undefined,
            roles: 0,
            outlet: undefined,
            received: undefined,
            prefixTopic: undefined,
            prefix: undefined,
            conn: new FramedConnection({
                socket,
                clock: this.#o.clock,
                name: 'broker/?',
                ...(this.#o.maxFrameBytes === undefined ? {} : { maxFrameBytes: this.#o.maxFrameBytes }),
                ...(this.#o.writeHighWater === undefined ? {} : { writeHighWater: this.#o.writeHighWater }),
                onData: (frame, release) => this.#publish(client, frame, release),
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
    #control(client, frame) {
        if (frame.type === 'hello') {
            if (client.id !== undefined)
                throw this.#protocolError('second HELLO on one connection');
            const brokerSlots = this.#o.syncAck?.slots ?? 0;
            if ((frame.slots > 0) !== (brokerSlots > 0)) {
                throw this.#protocolError(`sync-ack mismatch: the broker has it ${brokerSlots > 0 ? 'on' : 'off'}, the client ${frame.slots > 0 ? 'on' : 'off'}`);
            }
            if (this.#ids.has(frame.id))
                throw this.#protocolError(`client id ${frame.id} is already in use`);
            client.id = frame.id;
            client.roles = frame.roles;
            client.conn.name = `broker/${frame.id}`;
            this.#ids.add(frame.id);
            if (brokerSlots > 0)
                client.conn.enableSyncAck(brokerSlots);
            if (frame.roles & Role.publish) {
                this.#publishers.add(client);
                let received = this.#receivedBy.get(frame.id);
                if (!received)
                    this.#receivedBy.set(frame.id, (received = { count: 0 }));
                client.received = received;
                client.conn.setReadGate(() => this.#fullOutlets.size === 0);
            }
            client.conn.sendControl(encodeWelcome(brokerSlots));
            return;
        }
        if (client.id === undefined)
            throw this.#protocolError(`${frame.type.toUpperCase()} before HELLO`);
        if (frame.type === 'sub') {
            if (!(client.roles & Role.subscribe))
                throw this.#protocolError('SUB from a client that did not say it subscribes');
            const outlet = (client.outlet ??= this.#newOutlet(client.id, client.conn));
            let subs = this.#topics.get(frame.topic);
            if (!subs)
                this.#topics.set(frame.topic, (subs = new Set()));
            subs.add(outlet);
            client.conn.sendControl(encodeSuback(frame.topic));
            return;
        }
        if (frame.type === 'credit') {
            if (!client.outlet)
                throw this.#protocolError('CREDIT before SUB');
            client.outlet.grant(frame.bytes);
            return;
        }
        throw this.#protocolError(`unexpected ${frame.type.toUpperCase()} frame from a client`);
    }
    #newOutlet(id, conn) {
        const outlet = new Outlet(id, conn, createInbox(this.#o.inbox), {
            fullChanged: (o) => this.#fullChanged(o),
            gone: (o, reason, byPolicy) => this.#outletGone(o, reason, byPolicy),
        });
        this.#outlets.set(id, outlet);
        return outlet;
    }
    #publish(client, frame, release) {
        if (frame.type !== 'pub' || client.id === undefined || !(client.roles & Role.publish)) {
            throw this.#protocolError(client.id === undefined ? 'PUB before HELLO' : `unexpected ${frame.type.toUpperCase()} frame`);
        }
        this.#c.received += 1;
        client.received.count += 1;
        const subs = this.#topics.get(frame.topic);
        const n = subs?.size ?? 0;
        if (n === 0) {
            release();
            return;
        }
        const origin = client.conn.syncAck ? new Publication(n, release) : undefined;
        if (!origin)
            release();
        if (client.prefixTopic !== frame.topic) {
            client.prefix = msgPrefix(frame.topic, client.id);
            client.prefixTopic = frame.topic;
        }
        const encoder = this.#encoder;
        encoder.encode(client.prefix, frame.seq, frame.scheduledAt, frame.payload);
        const message = {
            slab: encoder.slab,
            at: encoder.at,
            size: encoder.size,
            publisherId: client.id,
            seq: frame.seq,
            routedAt: this.#o.clock.now(),
            origin,
        };
        // Deleting from a Set while iterating it is safe: an outlet cut off here is simply not visited again.
        for (const o of subs)
            o.offer(message);
    }
    #closed(client, reason) {
        this.#clients.delete(client);
        this.#publishers.delete(client);
        if (client.id !== undefined)
            this.#ids.delete(client.id);
        client.outlet?.disconnect(reason, false);
        // A publisher's unacknowledged copies can never be acknowledged now; nothing waits on them but the
        // publisher itself, which is gone.
        client.conn.takeUnacked();
    }
    #outletGone(outlet, reason, byPolicy) {
        for (const subs of this.#topics.values())
            subs.delete(outlet);
        if (byPolicy)
            this.#c.disconnected += 1;
        else
            this.#c.subscribersLost += 1;
        this.onSubscriberGone?.(outlet.id, reason, byPolicy);
    }
    #fullChanged(outlet) {
        const wasPaused = this.#fullOutlets.size > 0;
        if (outlet.full)
            this.#fullOutlets.add(outlet);
        else
            this.#fullOutlets.delete(outlet);
        const paused = this.#fullOutlets.size > 0;
        if (paused && !wasPaused) {
            this.#c.publisherPauses += 1;
            this.#pausedSince = this.#o.clock.now();
        }
        else if (!paused && wasPaused) {
            if (this.#pausedSince !== undefined)
                this.#c.publisherPausedMs += this.#o.clock.now() - this.#pausedSince;
            this.#pausedSince = undefined;
            for (const p of [...this.#publishers])
                p.conn.kick();
        }
    }
    #check() {
        const now = this.#o.clock.now();
        for (const o of [...this.#outlets.values()])
            o.check(now);
    }
    #protocolError(message) {
        return new ProtocolError(message);
    }
}
//# sourceMappingURL=broker.js.map