import type { SinkKind } from '../sink.js';
import { SHARED_SINK_FAULTS } from '../shared/fault-types.js';
import type { CloudWatchSinkConfig } from './config.js';
import { cloudWatchSinkSchema } from './schema.js';
import { createCloudWatchSink } from './server.js';

/** The mock CloudWatch Logs service as a sink kind: `sink: { kind: cloudwatch }`. */
export const cloudWatchSinkKind: SinkKind<CloudWatchSinkConfig> = {
  name: 'cloudwatch',
  schema: cloudWatchSinkSchema,
  create: (config, options) => createCloudWatchSink({ ...config, host: '127.0.0.1', port: 0, tlsNames: options.tlsNames }, options.clock),
  faults: SHARED_SINK_FAULTS,
  scaledDurations: (config) => [
    { path: 'sink.idleTimeout', ms: config.idleTimeout },
    { path: 'sink.latency', ms: config.latency },
  ],
};
