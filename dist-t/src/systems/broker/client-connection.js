import net from 'node:net';
import { FramedConnection } from './framed-connection.js';
import { encodeCredit, encodeHello, encodeSub } from './protocol.js';
const DEFAULT_CREDIT_WINDOW = 64 * 1024;
/**
 * A client's connection to the broker, shared by the publisher and/or subscriber that use it (a peer
 * publishes and subscribes over one connection). Handles the handshake and subscriptions, and hands
 * messages, acknowledgements and writability to its users.
 */
export class ClientConnection {
    id;
    #o;
    #conn;
    #connecting;
    #welcomed;
    #failConnect;
    #pendingSubs = new Map();
    #closeReason;
    #errorMessage;
    /** Set by a subscriber: a MSG arrived; call `release` once it is handled. */
    onMessage;
    /** Set by a publisher: messages it owes and cannot send yet (for slot states). */
    pendingSend;
    #writable = [];
    #closedListeners = [];
    #creditGranted = false;
    #consumed = 0;
    constructor(options) {
        this.id = options.id;
        this.#o = options;
    }
    get closed() {
        return this.#closeReason !== undefined;
    }
    /** Why the connection closed (the broker's ERROR message when it sent one). */
    get closeReason() {
        return this.#closeReason;
    }
    get syncAck() {
        return this.#conn?.syncAck ?? false;
    }
    /** Connects and completes the handshake; calling it again returns the same promise. */
    connect() {
        this.#connecting ??= this.#connect();
        return this.#connecting;
    }
    /** Subscribes to the topics; resolves when the broker has confirmed every one. */
    async subscribe(topics) {
        const conn = this.#need();
        const confirmed = topics.map((topic) => new Promise((resolve, reject) => {
            this.#pendingSubs.set(topic, resolve);
            this.#closedListeners.push((reason) => reject(new Error(`${this.id}: closed before SUBACK ${topic}: ${reason}`)));
        }));
        for (const topic of topics)
            conn.sendControl(encodeSub(topic));
        if (!this.#creditGranted) {
            this.#creditGranted = true;
            conn.sendControl(encodeCredit(this.#window));
        }
        await Promise.all(confirmed);
    }
    /** True when a PUB can be sent now (send slot free, socket not backed up). */
    canPublish() {
        return !!this.#conn && this.#conn.canSendData();
    }
    publish(frame) {
        this.#need().sendData(frame, null);
    }
    onWritable(fn) {
        this.#writable.push(fn);
    }
    onClosed(fn) {
        this.#closedListeners.push(fn);
    }
    setReadGate(gate) {
        this.#need().setReadGate(gate);
    }
    kick() {
        this.#conn?.kick();
    }
    slotState() {
        return this.#conn?.syncAck && !this.closed ? this.#conn.slotState() : undefined;
    }
    close() {
        this.#conn?.destroy('closed by the client');
        if (!this.#conn)
            this.#closeReason ??= 'closed by the client';
    }
    get #window() {
        return this.#o.creditWindow ?? DEFAULT_CREDIT_WINDOW;
    }
    /** Returns credit for what has been read, a quarter window at a time. */
    #read(bytes) {
        this.#consumed += bytes;
        if (this.#consumed >= this.#window / 4) {
            this.#conn?.sendControl(encodeCredit(this.#consumed));
            this.#consumed = 0;
        }
    }
    #need() {
        if (!this.#conn)
            throw new Error(`${this.id}: not connected`);
        return this.#conn;
    }
    async #connect() {
        const { address, clock, syncAck } = this.#o;
        const socket = net.connect({ host: address.host, port: address.port });
        const conn = new FramedConnection({
            socket,
            clock,
            name: this.id,
            ...(this.#o.writeHighWater === undefined ? {} : { writeHighWater: this.#o.writeHighWater }),
            onData: (frame, release) => {
                if (frame.type !== 'msg') {
                    conn.fail('PUB frame from the broker');
                    return;
                }
                this.#read(frame.size);
                if (this.onMessage)
                    this.onMessage(frame, release);
                else
                    release();
            },
            onControl: (frame) => this.#control(frame),
            onWritable: () => {
                for (const fn of this.#writable)
                    fn();
            },
            pendingSend: () => this.pendingSend?.() ?? 0,
            onClose: (reason) => {
                this.#closeReason = this.#errorMessage ?? reason;
                this.#failConnect?.(new Error(`${this.id}: connection to ${address.host}:${address.port} closed: ${this.#closeReason}`));
                for (const fn of this.#closedListeners)
                    fn(this.#closeReason);
            },
        });
        this.#conn = conn;
        const welcomed = new Promise((resolve, reject) => {
            this.#welcomed = resolve;
            this.#failConnect = reject;
        });
        const timeoutMs = this.#o.connectTimeoutMs ?? 10_000;
        const timer = clock.setTimeout(() => {
            this.#failConnect?.(new Error(`${this.id}: not welcomed by ${address.host}:${address.port} within ${timeoutMs} ms`));
            conn.destroy('connect timeout');
        }, timeoutMs);
        try {
            conn.sendControl(encodeHello(this.#o.roles, syncAck?.slots ?? 0, this.id));
            await welcomed;
        }
        finally {
            timer.clear();
            this.#failConnect = undefined;
        }
    }
    #control(frame) {
        switch (frame.type) {
            case 'welcome':
                if ((frame.slots > 0) !== !!this.#o.syncAck) {
                    this.#conn?.fail('sync-ack mismatch with the broker');
                    return;
                }
                if (this.#o.syncAck)
                    this.#conn?.enableSyncAck(this.#o.syncAck.slots);
                this.#welcomed?.();
                return;
            case 'suback': {
                const done = this.#pendingSubs.get(frame.topic);
                this.#pendingSubs.delete(frame.topic);
                done?.();
                return;
            }
            case 'error':
                this.#errorMessage = frame.message;
                return;
            default:
                this.#conn?.fail(`unexpected ${frame.type.toUpperCase()} frame from the broker`);
        }
    }
}
//# sourceMappingURL=client-connection.js.map