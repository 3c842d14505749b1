import type { LogEvent } from './batch-validation.js';
import type { SinkCounters } from './counters.js';
import type { LogStore } from './log-store.js';
import type { SinkFaultSet } from '../shared/sink-faults.js';

/** One batch the sink stored, as the delivery ledger receives it. */
export interface AcceptedBatch {
  group: string;
  stream: string;
  /** The stored events in the order sent (too-old and too-new events excluded). */
  events: LogEvent[];
  /** Scenario epoch ms (`clock.now()`) at which the request arrived. */
  receivedAt: number;
}

/** What the operation handlers share: one object for the life of the sink. */
export interface SinkState {
  readonly store: LogStore;
  /** Sequence tokens enforced (the pre-2023 service); otherwise accepted and ignored. */
  readonly sequenceTokens: boolean;
  /** Largest event: UTF-8 message bytes + 26. */
  readonly maxEventBytes: number;
  readonly faults: SinkFaultSet;
  readonly counters: SinkCounters;
  emit(batch: AcceptedBatch): void;
}
