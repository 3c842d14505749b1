import type { BaseStopped, SinkAccess, WorkerBaseData } from '../isolation/worker-protocol.js';
import type { SinkWriterHeartbeat } from '../sink-writer-cell.js';
import type { ModuleConfig } from './schema.js';
/** A module instance's start data (worker.ts): the engine's fields, the sink's access, the config. */
export interface ModuleWorkerData extends WorkerBaseData, SinkAccess {
    system: ModuleConfig;
}
/** The instance's numbers, with every heartbeat (the worker's health is added: WorkerHealthSample). */
export interface ModuleHeartbeat extends SinkWriterHeartbeat {
    /** Requests ended so far, by outcome (cumulative). */
    requests: Record<string, number>;
    /** Requests started and not ended. */
    inFlight: number;
    /** Scenario epoch ms at which the last request ended (NaN before the first). */
    lastRequestEndAt: number;
    /** Records generated that the module has not taken yet. */
    waiting: number;
}
/** The answer to `stop`. */
export interface ModuleStopped extends BaseStopped {
    generated: number;
    dropped: number[];
    /** Requests ended, by outcome (cumulative: the last heartbeat's and those since). */
    requests: Record<string, number>;
    /** The module's function had returned (its drain was over): what it did not deliver is lost, not undrained. */
    finished: boolean;
}
