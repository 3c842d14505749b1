import type { FaultOccurrence } from '../faults/timeline.js';
import type { ScaledClock } from '../core/clock.js';
import { type FaultTargets } from './fault-applier.js';
import type { JournalEvent } from '../journal/events.js';
export interface FaultScheduleOptions {
    clock: ScaledClock;
    /** The cell's index, for journal events. */
    cell: number;
    /** Scenario ms since the cell's start. */
    at(): number;
    journal(e: JournalEvent): void;
    targets: FaultTargets;
    /** A fault occurrence became active on an instance slot (with its description), or was lifted (undefined). */
    mark(slot: number, id: string, description: string | undefined): void;
}
/**
 * Plays a cell's fault timeline: starts each occurrence at its time on its instance slots, lifts it at
 * its end, and journals both. A fault that cannot be applied or lifted is journalled as an error and the
 * run goes on. `stop` cancels what has not started and lifts everything still active.
 */
export declare class FaultSchedule {
    #private;
    constructor(options: FaultScheduleOptions);
    schedule(timeline: readonly FaultOccurrence[]): void;
    stop(): Promise<void>;
}
