import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Clock, LongTimer } from '../../core/clock.js';
import { InputError } from '../../core/errors.js';
import type { SinkEndpoint } from '../sink.js';
import { makeSinkCertificate, writeCaFile, type CaFile } from './certificate.js';

/** Connection counters an HTTP listener keeps (a plain object, shared with the sink's own counters). */
export interface ConnectionCounters {
  opened: number;
  /** Idle keep-alive connections the listener closed. */
  idleClosed: number;
  /** Connections destroyed mid-response on purpose (`drop`). */
  dropped: number;
  /** TLS handshakes that failed: a client that does not trust the CA, plain HTTP on the TLS port. */
  tlsErrors: number;
}

export interface HttpListenerOptions {
  /** Who is listening, for messages: `the HTTP sink`. */
  who: string;
  host?: string;
  port?: number;
  /** Serve HTTPS with a certificate made at start (a CA and a leaf, certificate.ts). */
  tls: boolean;
  /** With TLS: DNS names the certificate covers besides localhost, 127.0.0.1 and ::1. */
  tlsNames?: readonly string[];
  /** With TLS: where to write the CA (default: a temporary folder, removed at stop). */
  caFile?: string;
  counters: ConnectionCounters;
  /** Bytes that are not HTTP: what to answer (the whole response, `Connection: close`), after counting. */
  badRequest: (err: Error & { code?: string }) => string;
}

/**
 * The network side every HTTP mock sink shares: a plain HTTP or HTTPS server on loopback (port 0), its
 * CA in a file for programs that read one, every connection tracked so that `stop` ends them at once,
 * idle keep-alive connections closed after a timeout on the scenario clock, delayed answers that `stop`
 * cancels, and a connection broken mid-response on purpose. The sink's handler only answers requests.
 */
export class HttpListener {
  readonly #options: HttpListenerOptions;
  readonly #clock: Clock;
  readonly #handler: (req: IncomingMessage, res: ServerResponse) => void;
  #server: Server | undefined;
  /** Open HTTP connections (TLS sockets with TLS) and how many of their responses are unfinished. */
  readonly #sockets = new Map<Socket, number>();
  /** Every TCP connection, handshaking or not, to destroy at stop. */
  readonly #raw = new Set<Socket>();
  readonly #pending = new Set<LongTimer>();
  /** Wall ms after which an idle keep-alive connection is closed; 0 never. */
  #idleWall = 0;
  #endpoint: SinkEndpoint | undefined;
  #caFile: CaFile | undefined;
  #caPem = '';

  constructor(options: HttpListenerOptions, clock: Clock, handler: (req: IncomingMessage, res: ServerResponse) => void) {
    this.#options = options;
    this.#clock = clock;
    this.#handler = handler;
  }

  /** Idle keep-alive connections are closed after `scenarioMs` from now on (0: at once after a response; undefined: never). */
  setIdleTimeout(scenarioMs: number | undefined): void {
    this.#idleWall = scenarioMs === undefined ? 0 : Math.max(1, Math.round(this.#clock.toWall(scenarioMs)));
    if (this.#server !== undefined) this.#server.keepAliveTimeout = this.#idleWall;
  }

  async start(): Promise<SinkEndpoint> {
    if (this.#endpoint !== undefined) return this.#endpoint;
    const host = this.#options.host ?? '127.0.0.1';
    const port = this.#options.port ?? 0;
    const server = await this.#createServer();
    server.on('clientError', this.#onClientError);
    server.keepAliveTimeout = this.#idleWall;
    this.#server = server;
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error): void => reject(new InputError(`${this.#options.who} cannot listen on ${host}:${port}: ${err.message}`, { cause: err }));
      server.once('error', onError);
      server.listen(port, host, () => {
        server.off('error', onError);
        resolve();
      });
    });
    const bound = server.address() as AddressInfo;
    const shown = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
    const ca = this.#caFile;
    const scheme = ca === undefined ? 'http' : 'https';
    this.#endpoint = { host: bound.address, port: bound.port, url: `${scheme}://${shown}:${bound.port}`, ...(ca === undefined ? {} : { ca: this.#caPem, caFile: ca.path }) };
    return this.#endpoint;
  }

  async #createServer(): Promise<Server> {
    if (!this.#options.tls) {
      const server = createServer(this.#onRequest);
      server.on('connection', (socket: Socket) => {
        this.#track(socket);
        this.#onConnection(socket);
      });
      return server;
    }
    const cert = await makeSinkCertificate(this.#options.tlsNames);
    this.#caPem = cert.caPem;
    this.#caFile = await writeCaFile(cert.caPem, this.#options.caFile, this.#options.who);
    const server = createHttpsServer({ key: cert.keyPem, cert: cert.certPem }, this.#onRequest);
    server.on('connection', (socket: Socket) => this.#track(socket));
    server.on('secureConnection', this.#onConnection);
    server.on('tlsClientError', (_err: Error, socket: Socket) => {
      this.#options.counters.tlsErrors += 1;
      socket.destroy();
    });
    return server;
  }

  async stop(): Promise<void> {
    for (const timer of this.#pending) timer.clear();
    this.#pending.clear();
    await this.#caFile?.remove();
    this.#caFile = undefined;
    const server = this.#server;
    this.#server = undefined;
    this.#endpoint = undefined;
    if (server === undefined || !server.listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.#sockets.keys()) socket.destroy();
    for (const socket of this.#raw) socket.destroy();
    await closed;
  }

  /** Runs `fn` after `scenarioMs` (at once for 0), unless the listener stops first. */
  after(scenarioMs: number, fn: () => void): void {
    if (scenarioMs <= 0) {
      fn();
      return;
    }
    const timer = this.#clock.setTimeout(() => {
      this.#pending.delete(timer);
      fn();
    }, scenarioMs);
    this.#pending.add(timer);
  }

  /** Sends `head` (a status line and some headers, never a whole response), then destroys the connection. */
  drop(res: ServerResponse, head: string): void {
    const socket = res.socket;
    if (socket === null || socket.destroyed) return;
    this.#options.counters.dropped += 1;
    socket.write(head, () => socket.destroy());
  }

  #track(socket: Socket): void {
    this.#raw.add(socket);
    socket.on('close', () => this.#raw.delete(socket));
  }

  #onConnection = (socket: Socket): void => {
    this.#options.counters.opened += 1;
    this.#sockets.set(socket, 0);
    socket.on('timeout', () => {
      this.#options.counters.idleClosed += 1;
    });
    socket.on('close', () => this.#sockets.delete(socket));
  };

  #onClientError = (err: Error & { code?: string }, socket: Duplex): void => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(this.#options.badRequest(err));
  };

  /**
   * Node arms `keepAliveTimeout` plus a hidden second on a connection whose response ended; the listener
   * re-arms the socket's timeout itself right after (its 'finish' listener runs after Node's), so an idle
   * connection closes after exactly the scenario's idle timeout. Node still clears it when a request comes.
   */
  #onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const socket = req.socket;
    this.#sockets.set(socket, (this.#sockets.get(socket) ?? 0) + 1);
    res.on('finish', () => {
      const unfinished = this.#sockets.get(socket);
      if (unfinished === undefined) return;
      const open = unfinished - 1;
      this.#sockets.set(socket, open);
      if (open === 0 && this.#idleWall > 0 && res.shouldKeepAlive) socket.setTimeout(this.#idleWall);
    });
    this.#handler(req, res);
  };
}
