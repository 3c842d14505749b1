import type { SystemKind } from '../system-kind.js';
import { BROKER_MAX_COUNTERS, BrokerCell, type BrokerSpawnData } from './cell.js';
import type { BrokerConfig } from './config.js';
import { brokerLinks } from './links.js';
import { BROKER_LINK_TABLE } from './report-section.js';
import type { BrokerHeartbeat, BrokerStopped } from './messages.js';
import { brokerSchema } from './schema.js';
import { REAL_BROKER_STOP_WALL_MS } from './servers/real-broker.js';
import type { BrokerWatch } from './watch.js';

/**
 * `system: { kind: broker }`: the in-process pub/sub broker. Per instance one broker with its publishers
 * and subscribers in a worker thread; every subscribing client reaches it through its own proxy route
 * (its link), so a fault can slow or kill one subscriber. No sink: the scenario's `sink` is ignored.
 */
export const brokerKind: SystemKind<BrokerConfig, BrokerHeartbeat, BrokerStopped, BrokerSpawnData, BrokerWatch> = {
  name: 'broker',
  noun: 'a broker',
  schema: brokerSchema,
  links: (config) => {
    // Called on data that may not have validated (the scenario's refinements): no link list from it.
    if (typeof config.subscribers !== 'number' || typeof config.peers !== 'number') throw new TypeError('broker links need subscribers and peers');
    const names = brokerLinks(config);
    return { names, upstream: 'instance', dns: false, describe: `the broker's links are ${names.join(', ')}` };
  },
  sink: () => undefined,
  scaledDurations: ({ inbox, server }) => {
    // A real server's durations are rendered into its config scaled by the clock (whole seconds for Redis).
    if (server.kind === 'redis') return [{ path: 'system.server.outputBufferLimit.softFor', ms: server.outputBufferLimit.softFor }];
    if (server.kind === 'nats') return [{ path: 'system.server.writeDeadline', ms: server.writeDeadline }];
    if (server.kind === 'mosquitto') return [];
    if (inbox.kind === 'disconnect') return [{ path: 'system.inbox.softFor', ms: inbox.softFor }];
    if (inbox.kind === 'elastic') return [{ path: 'system.inbox.lag', ms: inbox.lag }];
    return [];
  },
  // Each message is delivered to every subscribing client.
  recordsPerSecond: (b) => (b.publishers + b.peers) * b.rate * Math.max(1, b.subscribers + b.peers),
  isolation: {
    worker: new URL('./worker.js', import.meta.url),
    minHeapMb: 32,
    // A real server's final account waits for it (flush, its last figures, its shutdown): servers/real-broker.ts.
    stopGraceWallMs: ({ server }) => (server.kind === 'in-process' ? undefined : REAL_BROKER_STOP_WALL_MS),
  },
  report: { links: BROKER_LINK_TABLE, maxCounters: [...BROKER_MAX_COUNTERS] },
  createCell: (context) => new BrokerCell(context),
};
