import net from 'node:net';
import { joinHostPort, listenErrorText, parseUpstream, resolveListen, resolveTcpAddrText } from './address.js';
import { ApiErrors } from './api/errors.js';
import { Connection } from './connection.js';
import { ToxicCollection } from './toxic-collection.js';
import { SerialLock } from './serial-lock.js';
/**
 * One proxy: a TCP listener forwarding every accepted connection to `upstream`, with an upstream
 * (client → server) and a downstream (server → client) link per connection carrying the proxy's toxics.
 * Disabled ("down") means not listening and no connections.
 */
export class Proxy {
    name;
    /** The listen address; after start, the resolved one (port 0 becomes the real port). */
    listen;
    upstream;
    toxics = new ToxicCollection();
    #clock;
    #random;
    #enabled = false;
    #server = null;
    #connections = new Set();
    /** Listen and upstream addresses each open connection was accepted under (its metric labels). */
    #acceptedUnder = new Map();
    /** Bytes of closed connections, by label set. */
    #closedTraffic = new Map();
    #accepted = 0;
    #lock = new SerialLock();
    constructor(opts) {
        this.name = opts.name;
        this.listen = opts.listen;
        this.upstream = opts.upstream;
        this.#clock = opts.clock;
        this.#random = opts.random;
    }
    get enabled() {
        return this.#enabled;
    }
    /** The port actually listened on, or undefined when down. */
    get port() {
        const a = this.#server?.address();
        return a && typeof a === 'object' ? a.port : undefined;
    }
    /** Open connections. */
    get connectionCount() {
        return this.#connections.size;
    }
    /** The open connections (for inspection; the proxy owns them). */
    get connections() {
        return [...this.#connections];
    }
    /** Starts listening; resolves false if already started (Toxiproxy's ErrProxyAlreadyStarted). Throws a 500 ApiError. */
    start() {
        return this.#lock.run(() => this.#start());
    }
    /** Stops listening and closes every connection. */
    stop() {
        return this.#lock.run(() => this.#stop());
    }
    /**
     * Toxiproxy's Proxy.Update: a listen address that resolves to a different one, or another upstream,
     * restarts the proxy (dropping its connections); `enabled` toggles. A listen address that cannot be
     * resolved fails with a 500 and changes nothing.
     */
    update(input) {
        return this.#lock.run(async () => {
            const listen = input.listen ?? this.listen;
            const upstream = input.upstream ?? this.upstream;
            const enabled = input.enabled ?? this.#enabled;
            if (await this.#differs(listen, upstream)) {
                await this.#stop();
                this.listen = listen;
                this.upstream = upstream;
            }
            if (enabled !== this.#enabled) {
                if (enabled)
                    await this.#start();
                else
                    await this.#stop();
            }
        });
    }
    /**
     * Toxiproxy's Proxy.Differs: whether `listen` (resolved as Go's ResolveTCPAddr does, so `localhost:7070`
     * is `127.0.0.1:7070`) or `upstream` (compared as written) differ from this proxy's. Throws a 500
     * ApiError with Go's text when `listen` cannot be resolved.
     */
    differs(listen, upstream) {
        return this.#lock.run(() => this.#differs(listen, upstream));
    }
    async #differs(listen, upstream) {
        let resolved;
        try {
            resolved = await resolveTcpAddrText(listen);
        }
        catch (err) {
            throw ApiErrors.internal(err.message);
        }
        return this.listen !== resolved || this.upstream !== upstream;
    }
    addToxic(input) {
        return this.toxics.add(input);
    }
    updateToxic(name, input) {
        return this.toxics.update(name, input);
    }
    removeToxic(name) {
        return this.toxics.remove(name);
    }
    getToxic(name) {
        const t = this.toxics.get(name);
        if (!t)
            throw ApiErrors.toxicNotFound();
        return t;
    }
    /**
     * Bytes carried so far, closed and open connections together, one entry per direction and label set. Read
     * from the sockets' own counters when asked, so counting costs nothing on the data path.
     */
    traffic() {
        const totals = new Map();
        const add = (t) => {
            const key = `${t.direction}\u0000${t.listener}\u0000${t.upstream}`;
            const had = totals.get(key);
            if (had) {
                had.received += t.received;
                had.sent += t.sent;
            }
            else
                totals.set(key, { ...t });
        };
        for (const t of this.#closedTraffic.values())
            add(t);
        for (const [conn, under] of this.#acceptedUnder)
            for (const t of this.#connectionTraffic(conn, under))
                add(t);
        return [...totals.values()];
    }
    #connectionTraffic(conn, under) {
        const base = { proxy: this.name, listener: under.listener, upstream: under.upstream };
        return [
            { direction: 'upstream', ...base, received: conn.client.bytesRead, sent: conn.upstream.bytesWritten },
            { direction: 'downstream', ...base, received: conn.upstream.bytesRead, sent: conn.client.bytesWritten },
        ];
    }
    #connectionClosed(conn) {
        this.#connections.delete(conn);
        const under = this.#acceptedUnder.get(conn);
        if (!under)
            return;
        this.#acceptedUnder.delete(conn);
        for (const t of this.#connectionTraffic(conn, under)) {
            const key = `${t.direction}\u0000${t.listener}\u0000${t.upstream}`;
            const had = this.#closedTraffic.get(key);
            if (had) {
                had.received += t.received;
                had.sent += t.sent;
            }
            else
                this.#closedTraffic.set(key, t);
        }
    }
    toJSON() {
        return {
            name: this.name,
            listen: this.listen,
            upstream: this.upstream,
            enabled: this.#enabled,
            Logger: {},
            toxics: this.toxics.list().map((t) => t.toJSON()),
        };
    }
    async #start() {
        if (this.#enabled)
            return false;
        let where;
        try {
            where = await resolveListen(this.listen);
        }
        catch (err) {
            throw ApiErrors.internal(`listen tcp: ${err.message}`);
        }
        const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: true, noDelay: true }, (c) => this.#accept(c));
        await new Promise((resolve, reject) => {
            const onError = (err) => reject(ApiErrors.internal(listenErrorText(where.host, where.port, err)));
            server.once('error', onError);
            server.listen({ host: where.host, port: where.port }, () => {
                server.off('error', onError);
                resolve();
            });
        });
        server.on('error', () => { });
        const a = server.address();
        if (a && typeof a === 'object')
            this.listen = joinHostPort(a.address, a.port);
        this.#server = server;
        this.#enabled = true;
        return true;
    }
    async #stop() {
        if (!this.#enabled)
            return;
        this.#enabled = false;
        const server = this.#server;
        this.#server = null;
        const closed = server ? new Promise((resolve) => server.close(() => resolve())) : Promise.resolve();
        for (const c of [...this.#connections])
            c.destroy();
        await closed;
    }
    #accept(client) {
        let target;
        try {
            target = parseUpstream(this.upstream);
        }
        catch {
            client.destroy();
            return;
        }
        const upstream = net.connect({ host: target.host, port: target.port, allowHalfOpen: true, noDelay: true });
        const conn = new Connection({
            client,
            upstream,
            toxics: this.toxics,
            clock: this.#clock,
            random: this.#random.fork(this.#accepted++),
            onClose: () => this.#connectionClosed(conn),
        });
        this.#connections.add(conn);
        this.#acceptedUnder.set(conn, { listener: this.listen, upstream: this.upstream });
        let connected = false;
        upstream.once('connect', () => {
            connected = true;
            conn.start();
        });
        upstream.once('error', () => {
            if (!connected)
                client.destroy();
        });
    }
}
//# sourceMappingURL=proxy.js.map