import net, { type LookupFunction } from 'node:net';
import tls from 'node:tls';
import type { Clock, LongTimer } from '../../../core/clock.js';
import type { NetConfig } from '../config.js';
import { NetworkError, type HttpAnswer, type NetworkStack, type SocketOwner } from './network-stack.js';

export interface SyncStackOptions {
  origin: string;
  net: NetConfig;
  clock: Clock;
  /** Resolves the origin's host name; on this stack it is called with no deadline (blocking getaddrinfo). */
  lookup?: LookupFunction;
  /** With an `https:` origin: the CA certificate (PEM) to trust, the mock sink's. */
  ca?: string;
  /** The instance's scope, when it shares its worker: its sockets are the scope's. */
  owner?: SocketOwner;
}

/**
 * Fluent Bit's legacy synchronous network stack (domain.md §1), one request at a time on one connection,
 * with its known defect classes kept on purpose so that the no-patch variant fails for real reasons:
 *  - the host name is resolved with no timeout of its own (a stalled DNS server stalls the flush forever);
 *  - connect is bounded by connectTimeout, but reads have no timeout unless ioTimeout is set
 *    (SO_RCVTIMEO; default 0 = wait forever), so a link that swallows data hangs the flush;
 *  - a kept-alive connection is not watched while idle: nobody listens for its errors, so a reset that
 *    arrives while it is idle surfaces as an uncaught error and takes the instance down (a crash), and a
 *    connection the server closed while idle is only discovered when the next request fails on it.
 * Nothing here is random: each defect shows only when the network really does that thing.
 */
export class SyncStack implements NetworkStack {
  readonly #host: string;
  readonly #port: number;
  readonly #tls: boolean;
  readonly #o: SyncStackOptions;
  #idle: net.Socket | undefined;
  #active: net.Socket | undefined;
  #destroyed = false;

  constructor(options: SyncStackOptions) {
    const url = new URL(options.origin);
    this.#host = url.hostname;
    this.#tls = url.protocol === 'https:';
    this.#port = Number(url.port || (this.#tls ? 443 : 80));
    this.#o = options;
  }

  async post(path: string, headers: Record<string, string>, body: string | Buffer): Promise<HttpAnswer> {
    if (this.#destroyed) throw new NetworkError('aborted', 'network stack destroyed');
    const reused = this.#idle;
    this.#idle = undefined;
    if (reused && (reused.destroyed || !reused.writable)) {
      // The server closed it while it sat idle and nobody noticed: the next request is what finds out
      // ("broken connection"), as a blocking write or read on it fails at once.
      reused.destroy();
      throw new NetworkError('connection_reset', 'broken connection: the kept-alive connection was closed while idle');
    }
    const socket = reused ?? (await this.#connect());
    this.#active = socket;
    try {
      const answer = await this.#exchange(socket, path, headers, body);
      const close = !this.#o.net.keepalive || /close/i.test(String(answer.headers.connection ?? ''));
      if (close || this.#destroyed) socket.destroy();
      else this.#idle = socket; // not watched from here on: no error listener, no idle timer
      return answer;
    } catch (err) {
      socket.destroy();
      throw err;
    } finally {
      this.#active = undefined;
    }
  }

  async destroy(): Promise<void> {
    this.#destroyed = true;
    // Teardown of the instance is not the defect under test: an idle socket is closed quietly.
    this.#idle?.on('error', () => {}).destroy();
    this.#active?.destroy();
  }

  #connect(): Promise<net.Socket> {
    const { net: cfg, clock } = this.#o;
    return new Promise((resolve, reject) => {
      const where = { host: this.#host, port: this.#port, ...(this.#o.lookup ? { lookup: this.#o.lookup } : {}) };
      // With TLS the connect timeout covers the handshake too (Fluent Bit's net.connect_timeout does).
      const socket = this.#tls
        ? tls.connect({ ...where, servername: net.isIP(this.#host) ? undefined : this.#host, ...(this.#o.ca !== undefined ? { ca: this.#o.ca } : {}) })
        : net.connect(where);
      this.#o.owner?.track(socket);
      this.#active = socket;
      let connected = false;
      // The connect timeout covers the TCP handshake only: the blocking lookup before it has no deadline.
      const onLookup = (): void => {
        timer = clock.setTimeout(() => {
          if (connected) return;
          socket.destroy();
          reject(new NetworkError('connect_timeout', `connect to ${this.#host}:${this.#port} timed out`));
        }, cfg.connectTimeout);
      };
      let timer: LongTimer | undefined;
      socket.once('lookup', (err) => {
        if (!err) onLookup();
      });
      if (net.isIP(this.#host)) onLookup();
      socket.once(this.#tls ? 'secureConnect' : 'connect', () => {
        connected = true;
        timer?.clear();
        socket.removeAllListeners('error');
        resolve(socket);
      });
      socket.once('error', (err: NodeJS.ErrnoException) => {
        timer?.clear();
        const dns = err.code === 'ENOTFOUND' || err.code === 'ESERVFAIL' || err.code === 'ETIMEOUT';
        reject(new NetworkError(dns ? 'dns_error' : err.code === 'ECONNREFUSED' ? 'connect_refused' : 'network_error', err.message, err));
      });
    });
  }

  #exchange(socket: net.Socket, path: string, headers: Record<string, string>, body: string | Buffer): Promise<HttpAnswer> {
    const { net: cfg, clock } = this.#o;
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let length = 0;
      const cleanup = (): void => {
        socket.off('data', onData);
        socket.off('error', onError);
        socket.off('end', onEnd);
        socket.off('timeout', onTimeout);
        socket.setTimeout(0);
      };
      const onData = (chunk: Buffer): void => {
        chunks.push(chunk);
        length += chunk.length;
        const parsed = parseResponse(Buffer.concat(chunks, length));
        if (parsed) {
          cleanup();
          resolve(parsed);
        }
      };
      const onError = (err: NodeJS.ErrnoException): void => {
        cleanup();
        reject(new NetworkError(err.code === 'ECONNRESET' || err.code === 'EPIPE' ? 'connection_reset' : 'network_error', err.message, err));
      };
      const onEnd = (): void => {
        cleanup();
        reject(new NetworkError('connection_reset', 'connection closed before the answer was complete'));
      };
      const onTimeout = (): void => {
        cleanup();
        reject(new NetworkError('io_timeout', `no data for ${cfg.ioTimeout} ms`));
      };
      socket.on('data', onData);
      socket.on('error', onError);
      socket.on('end', onEnd);
      if (cfg.ioTimeout > 0) {
        socket.setTimeout(Math.max(1, clock.toWall(cfg.ioTimeout)));
        socket.on('timeout', onTimeout);
      }
      const head = [`POST ${path} HTTP/1.1`, `Host: ${this.#host}:${this.#port}`, `Content-Length: ${Buffer.byteLength(body)}`, `Connection: ${cfg.keepalive ? 'keep-alive' : 'close'}`];
      for (const [k, v] of Object.entries(headers)) head.push(`${k}: ${v}`);
      socket.cork();
      socket.write(`${head.join('\r\n')}\r\n\r\n`);
      socket.write(body);
      socket.uncork();
    });
  }
}

/** A complete HTTP/1.1 answer with a Content-Length body, or undefined while more bytes are needed. */
function parseResponse(buf: Buffer): HttpAnswer | undefined {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const lines = buf.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1]);
  if (!Number.isInteger(status)) throw new NetworkError('network_error', `not an HTTP answer: ${JSON.stringify(lines[0])}`);
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  const contentLength = Number(headers['content-length'] ?? 0);
  if (buf.length - end - 4 < contentLength) return undefined;
  return { status, headers, body: buf.subarray(end + 4, end + 4 + contentLength).toString('utf8') };
}
