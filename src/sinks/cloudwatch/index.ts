export { createCloudWatchSink, type CloudWatchSink, type CloudWatchSinkOptions, type SinkAddress } from './server.js';
export type { AcceptedBatch } from './sink-state.js';
export type { LogEvent } from './batch-validation.js';
export type { StreamInfo } from './log-store.js';
export type { SinkCounters, Outcome } from './counters.js';
export type { SinkFaults } from '../shared/sink-faults.js';
export type * from '../shared/fault-types.js';
export { CLOUDWATCH_OPS, type CloudWatchOp } from './operations.js';
