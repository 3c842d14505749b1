import type { SystemKind } from '../system-kind.js';
import { type BrokerSpawnData } from './cell.js';
import type { BrokerConfig } from './config.js';
import type { BrokerHeartbeat, BrokerStopped } from './messages.js';
import type { BrokerWatch } from './watch.js';
/**
 * `system: { kind: broker }`: the in-process pub/sub broker. Per instance one broker with its publishers
 * and subscribers in a worker thread; every subscribing client reaches it through its own proxy route
 * (its link), so a fault can slow or kill one subscriber. No sink: the scenario's `sink` is ignored.
 */
export declare const brokerKind: SystemKind<BrokerConfig, BrokerHeartbeat, BrokerStopped, BrokerSpawnData, BrokerWatch>;
