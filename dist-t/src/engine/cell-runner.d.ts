import type { FaultOccurrence } from '../faults/timeline.js';
import type { Scenario } from '../scenario/types.js';
import type { DeliveryCounts } from '../delivery/ledger.js';
import type { Sink } from '../sinks/sink.js';
import type { BaseHeartbeat, BaseStopped } from '../systems/isolation/worker-protocol.js';
import type { CellSystem, LiveInstance, SystemKind } from '../systems/system-kind.js';
import type { Watch } from '../systems/watch.js';
import type { CellRun } from './cell-run.js';
import type { ScaledClock } from '../core/clock.js';
import type { FaultLayer } from './fault-layer.js';
import { HarnessLag } from './harness-lag.js';
import { IsolatedInstance } from './isolation/isolated-instance.js';
import type { CellInfo, FailureMode, JournalEvent } from '../journal/events.js';
import { type Slot } from './slot.js';
/** Wall ms between instance heartbeats, and between watchdog checks. */
export declare const HEARTBEAT_WALL_MS = 50;
/**
 * Runs one cell of a scenario for its duration, whatever its system kind (src/systems/system-kind.ts):
 * instance slots, each instance isolated in a worker thread and watched; a failed instance recorded with
 * the faults active on it, torn down and replaced by a fresh one in the same slot (a renewal process, so
 * the cell accumulates exposure and failures); the fault timeline played on the slots; the links the kind
 * asks for (cell-links.ts: its sink, DNS server and proxy routes); the cell's clock, exposure and failure
 * count. What differs between kinds (start data, heartbeats, the watch's rule, accounting, figures) is
 * the kind's CellSystem, called through its hooks.
 */
export declare class CellRunner implements CellRun {
    #private;
    readonly info: CellInfo;
    readonly scenario: Scenario;
    readonly kind: SystemKind;
    /** The kind's part of the cell: its accounting and figures. */
    readonly system: CellSystem<BaseHeartbeat, BaseStopped, object, Watch>;
    protected readonly clock: ScaledClock;
    protected readonly layer: FaultLayer;
    protected readonly journal: (e: JournalEvent) => void;
    protected slots: Slot[];
    protected stopping: boolean;
    timeline: FaultOccurrence[];
    /** duress's own event-loop delay, main thread and workers; the cell's intervals take it. */
    protected readonly lag: HarnessLag;
    /** `kind`: by default the registered kind the scenario's `system.kind` names. */
    constructor(info: CellInfo, scenario: Scenario, clock: ScaledClock, layer: FaultLayer, journal: (e: JournalEvent) => void, kind?: SystemKind);
    /** The cell's sink, for a kind that writes to one. */
    get sink(): Sink | undefined;
    /** This interval's harness lag (journaled as trouble when it could distort the figures). */
    protected takeLag(): ReturnType<HarnessLag['take']>;
    /** The instances running now: in a slot, not being replaced. */
    protected live(): LiveInstance<BaseHeartbeat>[];
    /**
     * Makes the slot's next instance (not started yet) with its id: the engine's start data, the sink's
     * access, and the kind's own (`spawn`). A test may override it (a smaller heap, say).
     */
    protected spawn(slot: Slot, id: string, seed: number, heapLimitMb: number): IsolatedInstance;
    /** A metrics interval: the journal gets cumulative counts and this interval's histograms. */
    interval(): void;
    deliveryCounts(): DeliveryCounts;
    /** Scenario ms since the cell started (0 while its first instances boot). */
    at(): number;
    start(): Promise<void>;
    /** Ends the load: stops every instance's input (faults stay as they are). */
    stopInput(): void;
    drained(): boolean;
    /** Running time of all instances so far, scenario ms. */
    exposure(): number;
    get failureCount(): number;
    /**
     * Stops the cell: every fault is lifted, every instance is asked to stop and report what it still holds
     * (undrained), then the system closes the cell (`close`).
     */
    stop(drained: boolean): Promise<void>;
    /** Journals a failure of an instance (`id`) in a slot, with the faults active on it. */
    protected record(slot: number, id: string, mode: FailureMode, evidence: Record<string, unknown>, faults: {
        id: string;
        description: string;
    }[], at?: number): void;
}
