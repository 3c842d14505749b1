import net from 'node:net';
import type { Clock } from '../core/clock.js';
import type { Random } from '../core/random.js';
import { joinHostPort, listenErrorText, parseUpstream, resolveListen, resolveTcpAddrText } from './address.js';
import { AnswerWatch } from './answer-watch.js';
import { ApiErrors } from './api/errors.js';
import { Connection } from './connection.js';
import { ToxicCollection, type ToxicInput, type ToxicUpdate } from './toxic-collection.js';
import type { ToxicJson, ToxicWrapper } from './toxic-wrapper.js';
import { SerialLock } from './serial-lock.js';
import { adoptAccepted, SocketReader } from './socket-reader.js';

/** A proxy as the API shows it, in Toxiproxy's field order (`Logger` is a quirk of Toxiproxy's JSON). */
export interface ProxyJson {
  name: string;
  listen: string;
  upstream: string;
  enabled: boolean;
  Logger: Record<string, never>;
  toxics: ToxicJson[];
}

/**
 * Bytes one direction of a proxy's connections carried, under Toxiproxy's metric labels: `received` from the
 * source socket, `sent` to the destination (toxiproxy_proxy_{received,sent}_bytes_total). `listener` and
 * `upstream` are the proxy's as the connections were accepted.
 */
export interface LinkTraffic {
  direction: 'upstream' | 'downstream';
  proxy: string;
  listener: string;
  upstream: string;
  received: number;
  sent: number;
}

/** Fields a proxy update may change; omitted ones keep their values. */
export interface ProxyUpdate {
  listen?: string;
  upstream?: string;
  enabled?: boolean;
}

/**
 * One proxy: a TCP listener forwarding every accepted connection to `upstream`, with an upstream
 * (client → server) and a downstream (server → client) link per connection carrying the proxy's toxics.
 * Disabled ("down") means not listening and no connections.
 */
export class Proxy {
  readonly name: string;
  /** The listen address; after start, the resolved one (port 0 becomes the real port). */
  listen: string;
  upstream: string;
  readonly toxics = new ToxicCollection();
  readonly #clock: Clock;
  readonly #random: Random;
  #enabled = false;
  #server: net.Server | null = null;
  readonly #connections = new Set<Connection>();
  /** Listen and upstream addresses each open connection was accepted under (its metric labels). */
  readonly #acceptedUnder = new Map<Connection, { listener: string; upstream: string }>();
  /** Bytes of closed connections, by label set. */
  readonly #closedTraffic = new Map<string, LinkTraffic>();
  #accepted = 0;
  readonly #lock = new SerialLock();
  readonly #answers = new AnswerWatch();

  constructor(opts: { name: string; listen: string; upstream: string; clock: Clock; random: Random }) {
    this.name = opts.name;
    this.listen = opts.listen;
    this.upstream = opts.upstream;
    this.#clock = opts.clock;
    this.#random = opts.random;
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  /**
   * Clock ms since which one of its open connections has sent bytes upstream (a request) that the upstream
   * has not answered (answer-watch.ts: sampled when asked), or null when none has.
   */
  awaitingAnswerSince(): number | null {
    return this.#answers.awaitingSince(this.#connections, this.#clock.now());
  }

  /** The port actually listened on, or undefined when down. */
  get port(): number | undefined {
    const a = this.#server?.address();
    return a && typeof a === 'object' ? a.port : undefined;
  }

  /** Open connections. */
  get connectionCount(): number {
    return this.#connections.size;
  }

  /** The open connections (for inspection; the proxy owns them). */
  get connections(): readonly Connection[] {
    return [...this.#connections];
  }

  /** Starts listening; resolves false if already started (Toxiproxy's ErrProxyAlreadyStarted). Throws a 500 ApiError. */
  start(): Promise<boolean> {
    return this.#lock.run(() => this.#start());
  }

  /** Stops listening and closes every connection. */
  stop(): Promise<void> {
    return this.#lock.run(() => this.#stop());
  }

  /**
   * Toxiproxy's Proxy.Update: a listen address that resolves to a different one, or another upstream,
   * restarts the proxy (dropping its connections); `enabled` toggles. A listen address that cannot be
   * resolved fails with a 500 and changes nothing.
   */
  update(input: ProxyUpdate): Promise<void> {
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
        if (enabled) await this.#start();
        else await this.#stop();
      }
    });
  }

  /**
   * Toxiproxy's Proxy.Differs: whether `listen` (resolved as Go's ResolveTCPAddr does, so `localhost:7070`
   * is `127.0.0.1:7070`) or `upstream` (compared as written) differ from this proxy's. Throws a 500
   * ApiError with Go's text when `listen` cannot be resolved.
   */
  differs(listen: string, upstream: string): Promise<boolean> {
    return this.#lock.run(() => this.#differs(listen, upstream));
  }

  async #differs(listen: string, upstream: string): Promise<boolean> {
    let resolved: string;
    try {
      resolved = await resolveTcpAddrText(listen);
    } catch (err) {
      throw ApiErrors.internal((err as Error).message);
    }
    return this.listen !== resolved || this.upstream !== upstream;
  }

  addToxic(input: ToxicInput): Promise<ToxicWrapper> {
    return this.toxics.add(input);
  }

  updateToxic(name: string, input: ToxicUpdate): Promise<ToxicWrapper> {
    return this.toxics.update(name, input);
  }

  removeToxic(name: string): Promise<void> {
    return this.toxics.remove(name);
  }

  getToxic(name: string): ToxicWrapper {
    const t = this.toxics.get(name);
    if (!t) throw ApiErrors.toxicNotFound();
    return t;
  }

  /**
   * Bytes carried so far, closed and open connections together, one entry per direction and label set. Read
   * from the sockets' own counters when asked, so counting costs nothing on the data path.
   */
  traffic(): LinkTraffic[] {
    const totals = new Map<string, LinkTraffic>();
    const add = (t: LinkTraffic): void => {
      const key = `${t.direction}\u0000${t.listener}\u0000${t.upstream}`;
      const had = totals.get(key);
      if (had) {
        had.received += t.received;
        had.sent += t.sent;
      } else totals.set(key, { ...t });
    };
    for (const t of this.#closedTraffic.values()) add(t);
    for (const [conn, under] of this.#acceptedUnder) for (const t of this.#connectionTraffic(conn, under)) add(t);
    return [...totals.values()];
  }

  #connectionTraffic(conn: Connection, under: { listener: string; upstream: string }): LinkTraffic[] {
    const base = { proxy: this.name, listener: under.listener, upstream: under.upstream };
    return [
      { direction: 'upstream', ...base, received: conn.client.bytesRead, sent: conn.upstream.bytesWritten },
      { direction: 'downstream', ...base, received: conn.upstream.bytesRead, sent: conn.client.bytesWritten },
    ];
  }

  #connectionClosed(conn: Connection): void {
    this.#connections.delete(conn);
    const under = this.#acceptedUnder.get(conn);
    if (!under) return;
    this.#acceptedUnder.delete(conn);
    for (const t of this.#connectionTraffic(conn, under)) {
      const key = `${t.direction}\u0000${t.listener}\u0000${t.upstream}`;
      const had = this.#closedTraffic.get(key);
      if (had) {
        had.received += t.received;
        had.sent += t.sent;
      } else this.#closedTraffic.set(key, t);
    }
  }

  toJSON(): ProxyJson {
    return {
      name: this.name,
      listen: this.listen,
      upstream: this.upstream,
      enabled: this.#enabled,
      Logger: {},
      toxics: this.toxics.list().map((t) => t.toJSON()),
    };
  }

  async #start(): Promise<boolean> {
    if (this.#enabled) return false;
    let where: { host: string | undefined; port: number };
    try {
      where = await resolveListen(this.listen);
    } catch (err) {
      throw ApiErrors.internal(`listen tcp: ${(err as Error).message}`);
    }
    const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: true, noDelay: true }, (c) => this.#accept(c));
    await new Promise<void>((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException): void => reject(ApiErrors.internal(listenErrorText(where.host, where.port, err)));
      server.once('error', onError);
      server.listen({ host: where.host, port: where.port }, () => {
        server.off('error', onError);
        resolve();
      });
    });
    server.on('error', () => {});
    const a = server.address();
    if (a && typeof a === 'object') this.listen = joinHostPort(a.address, a.port);
    this.#server = server;
    this.#enabled = true;
    return true;
  }

  async #stop(): Promise<void> {
    if (!this.#enabled) return;
    this.#enabled = false;
    const server = this.#server;
    this.#server = null;
    const closed = server ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    for (const c of [...this.#connections]) c.destroy();
    await closed;
  }

  #accept(accepted: net.Socket): void {
    let target: { host: string; port: number };
    try {
      target = parseUpstream(this.upstream);
    } catch {
      accepted.destroy();
      return;
    }
    // Both sockets read into reused buffers (SocketReader) and stay paused until the upstream connects.
    const readers = { client: new SocketReader(), upstream: new SocketReader() };
    const client = adoptAccepted(accepted, readers.client, { allowHalfOpen: true });
    const upstream = net.connect({ host: target.host, port: target.port, allowHalfOpen: true, noDelay: true, onread: readers.upstream.onread });
    upstream.pause();
    const conn = new Connection({
      client,
      upstream,
      readers,
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
      if (!connected) client.destroy();
    });
  }
}
