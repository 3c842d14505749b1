import type { SystemKind } from '../system-kind.js';
import { type ForwarderSpawnData } from './cell.js';
import type { ForwarderConfig } from './config.js';
import type { ForwarderStopped, Heartbeat } from './messages.js';
import type { InstanceWatch } from './watch.js';
/**
 * `system: { kind: forwarder }`: the in-process log forwarder, modelled on Fluent Bit's output path. Each
 * instance posts to the cell's sink (CloudWatch Logs) through its own proxy route, the one link `sink`,
 * by its own DNS name, so toxics, DNS faults and sink faults each hit one instance.
 */
export declare const forwarderKind: SystemKind<ForwarderConfig, Heartbeat, ForwarderStopped, ForwarderSpawnData, InstanceWatch>;
