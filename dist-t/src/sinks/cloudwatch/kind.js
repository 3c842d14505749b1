import { cloudWatchSinkSchema } from './schema.js';
import { createCloudWatchSink } from './server.js';
/** The mock CloudWatch Logs service as a sink kind: `sink: { kind: cloudwatch }`. */
export const cloudWatchSinkKind = {
    name: 'cloudwatch',
    schema: cloudWatchSinkSchema,
    create: (config, options) => createCloudWatchSink({ ...config, host: '127.0.0.1', port: 0, tlsNames: options.tlsNames }, options.clock),
    scaledDurations: (config) => [
        { path: 'sink.idleTimeout', ms: config.idleTimeout },
        { path: 'sink.latency', ms: config.latency },
    ],
};
//# sourceMappingURL=kind.js.map