import { SinkWriterCell } from '../sink-writer-cell.js';
import type { LiveInstance } from '../system-kind.js';
import { Watch, type Verdict } from '../watch.js';
import type { ModuleHeartbeat, ModuleStopped } from './messages.js';
import type { ModuleConfig } from './schema.js';
/** What the module kind's `spawn` adds to a worker's start data (SinkAccess and the engine's fields come with it). */
export interface ModuleSpawnData {
    system: ModuleConfig;
}
/**
 * The watchdog's judge of a module instance (contract.ts states the rules for the user). A hang needs
 * proof of being stuck, as the forwarder's does: for the whole hang window nothing of this instance was
 * delivered AND a request the module reported is in flight and none ended; or no heartbeat came at all.
 * A module between requests (a backoff, an outage) is waiting, not hung.
 */
export declare class ModuleWatch extends Watch {
    check(now: number, hb: ModuleHeartbeat | undefined, lastDeliveryAt: number, frozen: boolean): Verdict | undefined;
}
/**
 * The module kind's part of one cell: the delivery accounting every sink writer shares (SinkWriterCell),
 * what a stopped module still held, and the request outcomes it reported.
 */
export declare class ModuleCell extends SinkWriterCell<ModuleConfig, ModuleHeartbeat, ModuleStopped, ModuleWatch> {
    #private;
    channel(slot: number): string;
    watchFor(startedAt: number): ModuleWatch;
    ended(_slot: number, id: string, last: ModuleHeartbeat | undefined, final: ModuleStopped | undefined): void;
    totals(live: readonly LiveInstance<ModuleHeartbeat>[]): {
        requests: Record<string, number>;
        system: Record<string, number>;
    };
    protected requestCounts(live: readonly LiveInstance<ModuleHeartbeat>[]): Record<string, number>;
}
