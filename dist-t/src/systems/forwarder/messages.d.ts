import type { BaseStopped, SinkAccess, WorkerBaseData } from '../isolation/worker-protocol.js';
import type { SinkWriterHeartbeat } from '../sink-writer-cell.js';
import type { ForwarderConfig } from './config.js';
/** A forwarder worker's start data (worker.ts): the engine's fields, the sink's access, its config. */
export interface ForwarderWorkerData extends WorkerBaseData, SinkAccess {
    system: ForwarderConfig;
}
/** The instance's numbers, sent with every heartbeat (with the worker's memory and loop delay: WorkerHealthSample). */
export interface Heartbeat extends SinkWriterHeartbeat {
    counters: Record<string, number>;
    outputFinished: number;
    lastOutputAt: number;
    inFlight: number;
    heldBytes: number;
    due: number;
}
/** What a forwarder reports when asked to stop: what it generated, still held, and dropped since the last heartbeat. */
export interface ForwarderStopped extends BaseStopped {
    generated: number;
    undrained: number[];
    dropped: number[];
}
