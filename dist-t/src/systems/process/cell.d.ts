import { SinkWriterCell } from '../sink-writer-cell.js';
import type { CellContext, LiveInstance, Loss } from '../system-kind.js';
import type { Verdict } from '../watch.js';
import type { ProcessHeartbeat, ProcessStopped } from './messages.js';
import type { ProcessConfig } from './schema.js';
import { ProcessWatch } from './watch.js';
/** What `spawn` adds to a worker's start data. */
export interface ProcessSpawnData {
    system: ProcessConfig;
    slot: number;
    address: string;
}
/**
 * The address of a slot's route (and input) with `loopback: true`: 127.a.b.c, different for every cell and
 * slot of a run (cells run side by side), every byte in 1..254. Otherwise 127.0.0.1.
 */
export declare function loopbackAddress(config: ProcessConfig, cell: number, slot: number): string;
/**
 * The process kind's part of one cell: the delivery accounting every sink writer shares, the watch of a
 * real program, and what makes sure none is left running (a failed instance's program group is killed
 * here, on the main thread, whatever became of its worker).
 */
export declare class ProcessCell extends SinkWriterCell<ProcessConfig, ProcessHeartbeat, ProcessStopped, ProcessWatch> {
    #private;
    constructor(context: CellContext<ProcessConfig>);
    open(): Promise<void>;
    channel(slot: number): string;
    spawn(slot: number, id: string): ProcessSpawnData;
    watchFor(startedAt: number): ProcessWatch;
    check(watch: ProcessWatch, id: string, last: ProcessHeartbeat | undefined, now: number, frozen: boolean): Verdict | undefined;
    heartbeat(slot: number, id: string, hb: ProcessHeartbeat, current: boolean): void;
    ended(slot: number, id: string, last: ProcessHeartbeat | undefined, final: ProcessStopped | undefined): void;
    /**
     * The drain is over when every program took all its records and every record taken was delivered (or
     * declared): a real program cannot say what it still holds, its deliveries can.
     */
    drained(live: readonly LiveInstance<ProcessHeartbeat>[]): boolean;
    losses(drained: boolean): Loss[];
    totals(): {
        requests: Record<string, number>;
        system: Record<string, number>;
    };
    protected requestCounts(): Record<string, number>;
}
