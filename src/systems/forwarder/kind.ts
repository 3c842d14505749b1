import type { SystemKind } from '../system-kind.js';
import { ForwarderCell, type ForwarderSpawnData } from './cell.js';
import type { ForwarderConfig } from './config.js';
import type { ForwarderStopped, Heartbeat } from './messages.js';
import { forwarderSchema } from './schema.js';
import type { InstanceWatch } from './watch.js';

/**
 * `system: { kind: forwarder }`: the in-process log forwarder, modelled on Fluent Bit's output path. Each
 * instance posts to the cell's sink (CloudWatch Logs) through its own proxy route, the one link `sink`,
 * by its own DNS name, so toxics, DNS faults and sink faults each hit one instance.
 */
export const forwarderKind: SystemKind<ForwarderConfig, Heartbeat, ForwarderStopped, ForwarderSpawnData, InstanceWatch> = {
  name: 'forwarder',
  noun: 'a forwarder',
  schema: forwarderSchema,
  links: () => ({ names: ['sink'], defaultLink: 'sink', upstream: 'sink', dns: true, describe: 'the forwarder has one link, sink' }),
  sink: (config) => config.output.kind,
  scaledDurations: (system) => [
    { path: 'system.flush', ms: system.flush },
    { path: 'system.scheduler.base', ms: system.scheduler.base },
    { path: 'system.net.connectTimeout', ms: system.net.connectTimeout },
    { path: 'system.net.keepaliveIdleTimeout', ms: system.net.keepaliveIdleTimeout },
    { path: 'system.net.ioTimeout', ms: system.net.ioTimeout },
    { path: 'system.net.dnsTimeout', ms: system.net.dnsTimeout },
  ],
  recordsPerSecond: (config) => config.input.rate,
  isolation: {
    worker: new URL('./worker.js', import.meta.url),
    minHeapMb: 16,
    // The sync stack's lookups have no deadline (one of its defects); the async stack's have dnsTimeout.
    lookupTimeout: (config) => (config.net.stack === 'sync' ? null : config.net.dnsTimeout),
    // Everything an instance owns is its scope's (worker.ts), so instances share workers: a worker costs
    // tens of ms of CPU to boot and megabytes of memory, an instance in a shared one far less.
    instancesPerWorker: 8,
  },
  // Its CloudWatch output's answers that mean the batch is in (cloudwatch-output.ts): a retry the service
  // had already accepted, a stream or group that already existed.
  report: { succeededRequests: ['ok', 'data_already_accepted', 'resource_already_exists'] },
  createCell: (context) => new ForwarderCell(context),
};
