import type { SinkKind } from '../sink.js';
import { tcpSinkSchema, type TcpSinkConfig } from './schema.js';
import { createTcpSink } from './server.js';

/** A TCP line sink as a sink kind: `sink: { kind: tcp }` (server.ts). */
export const tcpSinkKind: SinkKind<TcpSinkConfig> = {
  name: 'tcp',
  schema: tcpSinkSchema,
  create: (config, options) => createTcpSink({ ...config, host: '127.0.0.1', port: 0, tlsNames: options.tlsNames }, options.clock),
  // No answers on a line stream: no throttle or error statuses.
  faults: ['sink-slow', 'sink-drop-connection', 'sink-close-idle', 'sink-discard', 'sink-duplicate'],
  scaledDurations: (config) => [{ path: 'sink.idleTimeout', ms: config.idleTimeout }],
};
