import type { LookupFunction, Socket } from 'node:net';
import { buildConnector, Pool, errors as undiciErrors } from 'undici';
import type { Clock } from '../../../core/clock.js';
import type { NetConfig } from '../config.js';
import { NetworkError, type HttpAnswer, type NetworkErrorKind, type NetworkStack, type SocketOwner } from './network-stack.js';

export interface AsyncStackOptions {
  origin: string;
  net: NetConfig;
  clock: Clock;
  /** Resolves the origin's host name (the DNS fault server's resolver); default: the system resolver. */
  lookup?: LookupFunction;
  /** With an `https:` origin: the CA certificate (PEM) to trust, the mock sink's. */
  ca?: string;
  /** The instance's scope, when it shares its worker: its sockets are the scope's. */
  owner?: SocketOwner;
}

/**
 * Fluent Bit's async stack, on undici: connect timeout, I/O timeout (headers and body; 0 = none, as
 * `net.io_timeout` defaults), keep-alive with an idle timeout, or a fresh connection per request when
 * keep-alive is off. All durations are scenario time, turned into wall time by the clock.
 */
export class AsyncStack implements NetworkStack {
  readonly #pool: Pool;
  readonly #keepalive: boolean;
  readonly #ioTimeout: number;

  constructor(options: AsyncStackOptions) {
    const { net, clock } = options;
    // undici takes whole milliseconds; scaled durations are rarely whole.
    const wall = (scenarioMs: number): number => Math.max(1, Math.round(clock.toWall(scenarioMs)));
    const idle = wall(net.keepaliveIdleTimeout);
    this.#keepalive = net.keepalive;
    this.#ioTimeout = net.ioTimeout > 0 ? wall(net.ioTimeout) : 0;
    const connect = {
      timeout: wall(net.connectTimeout),
      ...(options.lookup ? { lookup: options.lookup } : {}),
      // TLS, when the origin is https: the handshake counts against the connect timeout, as in Fluent Bit.
      ...(options.ca !== undefined ? { ca: options.ca } : {}),
    };
    const owner = options.owner;
    let connector: buildConnector.connector | undefined;
    if (owner) {
      const plain = buildConnector(connect);
      connector = (opts, callback) => {
        // undici's connector returns the socket it made (its type says void): tracked from the start.
        const socket = plain(opts, owner.gate(callback)) as unknown as Socket;
        owner.track(socket);
        return socket as unknown as void;
      };
    }
    this.#pool = new Pool(options.origin, {
      connect: connector ?? connect,
      keepAliveTimeout: idle,
      keepAliveMaxTimeout: idle,
      keepAliveTimeoutThreshold: Math.min(Math.floor(idle / 2), wall(1000)),
      headersTimeout: this.#ioTimeout,
      bodyTimeout: this.#ioTimeout,
    });
  }

  async post(path: string, headers: Record<string, string>, body: string | Buffer): Promise<HttpAnswer> {
    try {
      const res = await this.#pool.request({
        path,
        method: 'POST',
        headers,
        body,
        reset: !this.#keepalive,
        headersTimeout: this.#ioTimeout,
        bodyTimeout: this.#ioTimeout,
      });
      const text = await res.body.text();
      return { status: res.statusCode, headers: res.headers, body: text };
    } catch (err) {
      // A bad argument is a bug in duress, not a network condition: let it surface.
      if (err instanceof undiciErrors.InvalidArgumentError) throw err;
      throw new NetworkError(classify(err), err instanceof Error ? err.message : String(err), err);
    }
  }

  async destroy(): Promise<void> {
    await this.#pool.destroy();
  }
}

function classify(err: unknown): NetworkErrorKind {
  if (err instanceof undiciErrors.ConnectTimeoutError) return 'connect_timeout';
  if (err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError) return 'io_timeout';
  if (err instanceof undiciErrors.RequestAbortedError || err instanceof undiciErrors.ClientDestroyedError) return 'aborted';
  const code = (err as { code?: string } | null)?.code;
  if (code === 'ECONNREFUSED') return 'connect_refused';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'connection_reset';
  if (code === 'ENOTFOUND' || code === 'ETIMEOUT' || code === 'ESERVFAIL' || code === 'EAI_AGAIN') return 'dns_error';
  if (err instanceof undiciErrors.SocketError) return 'connection_reset';
  return 'network_error';
}
