import type { Socket } from 'node:net';

/**
 * How the forwarder's output reaches the network. Two implementations model Fluent Bit's two stacks
 * (domain.md §1): `async` (undici, every timeout enforced) and `sync` (the legacy blocking stack with its
 * known defects). Both speak HTTP/1.1 to one origin, over TLS when it is `https:`.
 */
export interface NetworkStack {
  /** POSTs and reads the whole answer. Rejects with a NetworkError when no HTTP answer arrived. */
  post(path: string, headers: Record<string, string>, body: string | Buffer): Promise<HttpAnswer>;
  /** Closes every connection at once; pending requests reject. */
  destroy(): Promise<void>;
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Why a request got no HTTP answer; these are the request outcomes that results count. */
export type NetworkErrorKind = 'connect_timeout' | 'connect_refused' | 'io_timeout' | 'connection_reset' | 'dns_error' | 'aborted' | 'network_error';

export class NetworkError extends Error {
  readonly kind: NetworkErrorKind;
  constructor(kind: NetworkErrorKind, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'NetworkError';
    this.kind = kind;
  }
}

/**
 * Who owns a stack's connections (the instance's scope, src/systems/isolation/instance-scope.ts): every
 * socket is given to `track` as it is made, and the news that a connection is up passes through `gate`,
 * so a paused instance neither reads nor learns of a connection until it is thawed, and a killed one
 * never does.
 */
export interface SocketOwner {
  track(socket: Socket): void;
  gate<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
}
