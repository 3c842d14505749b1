import type { SinkKind } from '../sink.js';
import type { CloudWatchSinkConfig } from './config.js';
/** The mock CloudWatch Logs service as a sink kind: `sink: { kind: cloudwatch }`. */
export declare const cloudWatchSinkKind: SinkKind<CloudWatchSinkConfig>;
