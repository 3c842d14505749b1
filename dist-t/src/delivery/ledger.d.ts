import { type Histogram } from '../metrics/histogram.js';
/**
 * The delivery ledger: an exact account of every record a generator made. Each record ends up as
 * exactly one of
 *   delivered  - reached the sink at least once (duplicates and reordering are counted on top),
 *   dropped    - the system declared it dropped (buffer full, retries exhausted, rejected as invalid),
 *   undrained  - still held by the system when the run's drain ended (the system knows it has it),
 *   failed     - held by an instance when it failed (crashed, hung, killed, over its memory limit) and
 *                never delivered: lost with a failure that the failure list accounts for,
 *   lost       - none of the above: accepted by the system and never seen again (silent loss).
 * A record that was declared dropped and still arrived counts as delivered (and in `droppedButDelivered`).
 *
 * Memory is bounded: the ledger keeps each source's per-record state only for the last LEDGER_WINDOW
 * records (seq-window.ts), about 1 MiB per source at most, whatever the run's length. A record further
 * behind its source's newest than that is settled as it stands: counted delivered, dropped, undrained or
 * missing (lost) for good. News about a settled record never reduces loss: a copy of it that still arrives
 * is counted as a duplicate copy (in `duplicateCopies` and `duplicated`: it cannot be told from one), and a
 * drop or undrained declaration about it is ignored. So a first delivery more than a window late leaves
 * its record counted lost: loss is then overstated, never hidden. At 2,000 records/s the window is 8.7
 * minutes of a source's records; the broker's accounting (receive-account.ts) uses the same window class.
 */
export interface DeliveryCounts {
    generated: number;
    delivered: number;
    /** Records delivered more than once (each counted once here). */
    duplicated: number;
    /** Extra copies beyond the first, summed. */
    duplicateCopies: number;
    /** Records whose first delivery came after a later record of the same source (per stream order). */
    reordered: number;
    dropped: number;
    droppedButDelivered: number;
    undrained: number;
    /** Held by an instance when it failed, and never delivered. */
    lostInFailures: number;
    lost: number;
    /** Events that reached the sink but were not made by a duress generator, or named an unknown source. */
    foreign: number;
}
/** Records of one source whose state the ledger keeps (1 MiB). */
export declare const LEDGER_WINDOW: number;
/**
 * What a system instance writes to the ledger. In the main thread this is the DeliveryLedger itself; in an
 * isolated instance (a worker thread) it is a writer that posts the same calls to the main thread.
 */
export interface LedgerWriter {
    register(source: string): void;
    generated(source: string, count: number): void;
    declareDropped(source: string, seqs: Iterable<number>): void;
    declareUndrained(source: string, seqs: Iterable<number>): void;
}
/**
 * The exact account of every record of a cell by source and sequence (see DeliveryCounts): a system kind
 * feeds it the sink's deliveries (`deliveredEvents`) and what its instances say they generated, dropped
 * and still held, and reads counts, loss and end-to-end latency from it.
 */
export declare class DeliveryLedger implements LedgerWriter {
    #private;
    /** `window`: records of each source whose state is kept (a power of two); tests use small ones. */
    constructor(window?: number);
    /**
     * End-to-end latency (sink receive time minus scheduled generation time, µs of scenario time) of the
     * intervals ended so far; `latencyNow()` includes the current one.
     */
    readonly latency: Histogram;
    /** Latency of the current metrics interval (see takeIntervalLatency). */
    intervalLatency: Histogram;
    /** A generator announces itself before producing. */
    register(source: string): void;
    /** The generator made records up to (not including) `count`. */
    generated(source: string, count: number): void;
    /** The system gave up on these records and said so. */
    declareDropped(source: string, seqs: Iterable<number>): void;
    /** At the end of the drain, the system still holds these (in its buffer or in flight). */
    declareUndrained(source: string, seqs: Iterable<number>): void;
    /** The instance that generated `source` failed: records it held and never delivered are lost with it. */
    markFailed(source: string): void;
    /** The sink stored these messages at `receivedAt` (scenario epoch ms). */
    delivered(messages: Iterable<string>, receivedAt: number): void;
    /** The same, straight from the sink's events (no array of messages in between: this is the hot path). */
    deliveredEvents(events: readonly {
        message: string;
    }[], receivedAt: number): void;
    /**
     * Ends a metrics interval: returns its latency histogram and starts a new one. The run's cumulative
     * histogram (`latency`) takes the interval in, so each delivery is recorded only once.
     */
    takeIntervalLatency(): Histogram;
    /** Counts for one source, or for all of them. */
    counts(source?: string): DeliveryCounts;
    /** Every latency recorded so far, the current interval included (a new histogram). */
    latencyNow(): Histogram;
    /** Scenario time of the last first-delivery from this source (NaN if none yet). */
    lastDeliveryAt(source: string): number;
    /** Bytes of per-record state held now, over every source (bounded by sources × window). */
    stateBytes(): number;
    sources(): string[];
}
