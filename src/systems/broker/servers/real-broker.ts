import type { Clock } from '../../../core/clock.js';
import type { RealServerConfig } from './server-schema.js';
import { SERVER_STOP_GRACE_MS } from './server-process.js';

/** A TCP address. */
export interface Endpoint {
  host: string;
  port: number;
}

/** A publishing client of a real broker (its npm client underneath). */
export interface PublishClient {
  /** Hands one message to the client; it never waits (the client buffers). */
  publish(topic: string, message: Buffer): void;
  /** Messages handed over and not yet answered by the server (Redis's replies; 0 where nothing answers). */
  readonly unanswered: number;
  /**
   * Resolves once the server has processed every message handed over before the call: one round trip
   * on the same connection, which the server answers in order (MQTT PUBACK, Redis PING, NATS PING/PONG).
   * The final account waits for it, so a drop the server counts for the last messages is in it.
   */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** A subscribing client of a real broker. */
export interface SubscribeClient {
  /** The connection is gone (closed by the server, the network or itself). */
  readonly closed: boolean;
  close(): Promise<void>;
}

export interface SubscribeOptions {
  /** The client's name as the broker shows it (Redis CLIENT SETNAME, NATS `name`, MQTT client id). */
  name: string;
  /** Where to connect: the subscriber's proxy route. */
  at: Endpoint;
  topics: readonly string[];
  onMessage(message: Uint8Array): void;
  /** The connection ended, and the client's word for why. */
  onClosed(reason: string): void;
}

/** The broker's own word that it cut a client off, with when it was read (scenario epoch ms). */
export interface BrokerDisconnection {
  at: number;
  /** The broker's words: `output buffer limits (omem 1066208)`, `Slow Consumer (Write Deadline)`. */
  reason: string;
}

/**
 * What the broker itself says, from its log and its stats interface (Redis `CLIENT LIST` and
 * `INFO memory`; NATS /connz and /varz; mosquitto `$SYS/broker/...` topics).
 */
export interface BrokerStats {
  /** Clients it cut off, by client name. */
  readonly disconnections: ReadonlyMap<string, BrokerDisconnection>;
  /** Messages it declared dropped (mosquitto's `$SYS/broker/publish/messages/dropped`; 0 for the others). */
  readonly dropped: number;
  /** Clients it said it drops messages for (mosquitto's log), with when it first said so. */
  readonly dropping: ReadonlyMap<string, number>;
  /** Bytes it holds for each client now (Redis `omem`, NATS `pending_bytes`), by client name; empty where it does not say. */
  readonly buffered: ReadonlyMap<string, number>;
  /** Its resident set, bytes: /proc of the process duress started, or what it reports of itself; undefined when unknown. */
  readonly rss: number | undefined;
}

/**
 * One real broker for one instance: started by duress (or reached at the config's `address`), its clients,
 * and its own account of what it did. One implementation per server kind (redis.ts, nats.ts, mosquitto.ts).
 */
export interface RealBroker {
  /** The server kind, as `system.server.kind` names it. */
  readonly kind: RealServerConfig['kind'];
  /** The server's own address (publishers connect here; subscribers through their routes to it). */
  readonly address: Endpoint;
  /** The limit that decides a slow subscriber's fate, as the server's config says it: `client-output-buffer-limit pubsub 32mb 8mb 60`. */
  readonly limit: string;
  connectPublisher(name: string): Promise<PublishClient>;
  connectSubscriber(options: SubscribeOptions): Promise<SubscribeClient>;
  readonly stats: BrokerStats;
  /** Refreshes `stats` from the stats interface (the log is read as it comes); `final`: wait for a fresh figure. */
  poll(final?: boolean): Promise<void>;
  /** Closes its own connections and stops the server duress started. */
  stop(): Promise<void>;
}

/** Wall ms the final account may wait for the publishers' flush. */
export const FLUSH_WALL_MS = 3_000;
/** Wall ms the final account may wait for the server's last figures (mosquitto's `$SYS`, once a second). */
export const FINAL_STATS_WALL_MS = 5_000;

/**
 * Wall ms an instance of a real broker may take to answer `stop`: the publishers' flush, the server's
 * final figures (FINAL_STATS_WALL_MS), then stopping the server
 * (SIGTERM, SIGKILL after its grace). Past it the engine ends the worker and the instance's final
 * account is lost: what its last heartbeat said counts, drops the server had not published yet included.
 */
export const REAL_BROKER_STOP_WALL_MS = FLUSH_WALL_MS + FINAL_STATS_WALL_MS + SERVER_STOP_GRACE_MS + 3_000;

/** What every real broker's start needs. */
export interface RealBrokerOptions {
  /** The program to run (from `systemProgram` in tests, Debian's path otherwise). */
  program?: string;
  clock: Clock;
}

/** The mutable side of BrokerStats, for the implementations. */
export class StatsBook implements BrokerStats {
  readonly disconnections = new Map<string, BrokerDisconnection>();
  readonly dropping = new Map<string, number>();
  buffered = new Map<string, number>();
  dropped = 0;
  rss: number | undefined = undefined;

  /** The first word of a cut-off counts (a later one, e.g. from /connz, only confirms it). */
  cut(client: string, at: number, reason: string): void {
    if (!this.disconnections.has(client)) this.disconnections.set(client, { at, reason });
  }
}

/** A duration of scenario ms as the server's own seconds (its clock is the wall's): at least 1 when not 0. */
export function serverSeconds(scenarioMs: number, clock: Clock): number {
  if (scenarioMs <= 0) return 0;
  return Math.max(1, Math.round(clock.toWall(scenarioMs) / 1000));
}
