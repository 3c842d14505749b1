import type { BrokerServerConfig } from './servers/server-schema.js';

/**
 * The in-process pub/sub broker (design.md "The broker"): per instance one broker on loopback with its
 * publishers and subscribers; every subscribing client reaches the broker through its own proxy route
 * (its link, `subscriber-<j>` or `peer-<k>`), so a fault can slow or kill one subscriber. Brokers have no
 * sink: the scenario's `sink` is ignored.
 */
export interface BrokerConfig {
  kind: 'broker';
  /** Clients that only publish. */
  publishers: number;
  /** Clients that only subscribe; their links are `subscriber-0` … `subscriber-<n-1>`. */
  subscribers: number;
  /** Clients that publish and subscribe over one connection (links `peer-0` …); in sync-ack mode the ones that can lock up. */
  peers: number;
  /** Topics t0 … t<n-1>; publisher i publishes to topic i mod n, every subscriber subscribes to all. */
  topics: number;
  /** Messages per scenario second, per publisher (and per peer). */
  rate: number;
  /** Payload bytes per message. */
  payloadSize: number;
  /** Which broker runs: the in-process one (default) or a real server per instance (servers/). */
  server: BrokerServerConfig;
  /** What the in-process broker does for a subscriber that cannot keep up (a real server has its own policy). */
  inbox: BrokerInboxConfig;
  /** Synchronous acknowledgements with this many slots per pool per connection; absent: off. */
  syncAck?: { slots: number };
  /** Credit window of each subscribing client, bytes: the stand-in for its socket buffers. */
  creditWindow: number;
  /** Bytes buffered in a subscriber's socket before its inbox starts to hold messages. */
  writeHighWater: number;
}

/** A bound in messages and/or bytes; a missing field is no bound on that measure (at least one is given). */
export interface SizeLimitConfig {
  messages?: number;
  bytes?: number;
}

/** The inbox policy of every subscriber of a broker (domain.md §4); durations in scenario ms. */
export type BrokerInboxConfig =
  /** Publishers are held back while any inbox is at `limit`: nothing lost, everyone waits for the slowest. */
  | { kind: 'block'; limit: SizeLimitConfig }
  /** New messages are dropped while the inbox is at `limit`; every drop is counted. */
  | { kind: 'drop-newest'; limit: SizeLimitConfig }
  /** Redis's client-output-buffer-limit: cut off at once past `hard`, or after `softFor` continuously past `soft`. */
  | { kind: 'disconnect'; hard?: SizeLimitConfig; soft?: SizeLimitConfig; softFor: number }
  /** A batching inbox that grows on demand up to `limit`, and cuts off a subscriber lagging more than `lag`. */
  | { kind: 'elastic'; limit?: SizeLimitConfig; lag: number }
  /** Keeps everything: memory grows without bound behind a slow or dead subscriber. */
  | { kind: 'unbounded' };
