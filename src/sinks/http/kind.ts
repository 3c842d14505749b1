import type { SinkKind } from '../sink.js';
import { SHARED_SINK_FAULTS } from '../shared/fault-types.js';
import { httpSinkSchema, type HttpSinkConfig } from './schema.js';
import { createHttpSink } from './server.js';

/** A generic HTTP endpoint as a sink kind: `sink: { kind: http }` (server.ts). Its channel is a request's first path segment. */
export const httpSinkKind: SinkKind<HttpSinkConfig> = {
  name: 'http',
  schema: httpSinkSchema,
  create: (config, options) => createHttpSink({ ...config, host: '127.0.0.1', port: 0, tlsNames: options.tlsNames }, options.clock),
  faults: SHARED_SINK_FAULTS,
  scaledDurations: (config) => [
    { path: 'sink.idleTimeout', ms: config.idleTimeout },
    { path: 'sink.latency', ms: config.latency },
  ],
};
