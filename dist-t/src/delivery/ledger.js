import { createHistogram, recordMs } from '../metrics/histogram.js';
import { RECORD_PREFIX, parseRecordMessage, parseTail } from './record-message.js';
import { SeqWindow } from './seq-window.js';
const DROPPED = 0x80;
const UNDRAINED = 0x40;
const COUNT_MASK = 0x3f;
/** Records of one source whose state the ledger keeps (1 MiB). */
export const LEDGER_WINDOW = 1 << 20;
/** Per-source state: one byte per record of the window (delivery count, saturating at 63, and dropped / undrained flags). */
class SourceLedger {
    state;
    generated = 0;
    highestDelivered = -1;
    delivered = 0;
    duplicated = 0;
    duplicateCopies = 0;
    reordered = 0;
    dropped = 0;
    droppedButDelivered = 0;
    undrained = 0;
    /** The instance failed: what it still held went down with it. */
    failed = false;
    /** Scenario time of the most recent first delivery, for hang detection. */
    lastDeliveryAt = Number.NaN;
    constructor(window) {
        this.state = new SeqWindow(window);
    }
}
/**
 * The exact account of every record of a cell by source and sequence (see DeliveryCounts): a system kind
 * feeds it the sink's deliveries (`deliveredEvents`) and what its instances say they generated, dropped
 * and still held, and reads counts, loss and end-to-end latency from it.
 */
export class DeliveryLedger {
    #sources = new Map();
    #window;
    /** `window`: records of each source whose state is kept (a power of two); tests use small ones. */
    constructor(window = LEDGER_WINDOW) {
        this.#window = window;
    }
    /**
     * End-to-end latency (sink receive time minus scheduled generation time, µs of scenario time) of the
     * intervals ended so far; `latencyNow()` includes the current one.
     */
    latency = createHistogram();
    /** Latency of the current metrics interval (see takeIntervalLatency). */
    intervalLatency = createHistogram();
    #foreign = 0;
    /** A generator announces itself before producing. */
    register(source) {
        if (!this.#sources.has(source))
            this.#sources.set(source, new SourceLedger(this.#window));
    }
    /** The generator made records up to (not including) `count`. */
    generated(source, count) {
        const s = this.#get(source);
        if (count > s.generated) {
            s.state.touch(count - 1);
            s.generated = count;
        }
    }
    /** The system gave up on these records and said so. */
    declareDropped(source, seqs) {
        const s = this.#get(source);
        for (const seq of seqs) {
            if (seq >= s.generated)
                this.generated(source, seq + 1);
            const st = s.state.get(seq);
            if (st === undefined || st & DROPPED)
                continue;
            s.state.set(seq, st | DROPPED);
            if ((st & COUNT_MASK) === 0)
                s.dropped += 1;
            else
                s.droppedButDelivered += 1;
        }
    }
    /** At the end of the drain, the system still holds these (in its buffer or in flight). */
    declareUndrained(source, seqs) {
        const s = this.#get(source);
        for (const seq of seqs) {
            if (seq >= s.generated)
                this.generated(source, seq + 1);
            const st = s.state.get(seq);
            if (st === undefined || st & (UNDRAINED | DROPPED) || (st & COUNT_MASK) > 0)
                continue;
            s.state.set(seq, st | UNDRAINED);
            s.undrained += 1;
        }
    }
    /** The instance that generated `source` failed: records it held and never delivered are lost with it. */
    markFailed(source) {
        this.#get(source).failed = true;
    }
    /** The sink stored these messages at `receivedAt` (scenario epoch ms). */
    delivered(messages, receivedAt) {
        for (const message of messages)
            this.#deliver(message, receivedAt);
    }
    /** The same, straight from the sink's events (no array of messages in between: this is the hot path). */
    deliveredEvents(events, receivedAt) {
        for (let i = 0; i < events.length; i++)
            this.#deliver(events[i].message, receivedAt);
    }
    // Consecutive messages nearly always come from the same source: remember it, skip the lookup.
    #lastPrefix = '';
    #lastSource;
    #lastName = '';
    #deliver(message, receivedAt) {
        let s;
        let name;
        let seq;
        let scheduledAt;
        if (this.#lastSource !== undefined && message.startsWith(this.#lastPrefix)) {
            const tail = parseTail(message, this.#lastPrefix.length);
            if (tail === undefined) {
                this.#foreign += 1;
                return;
            }
            s = this.#lastSource;
            name = this.#lastName;
            seq = tail.seq;
            scheduledAt = tail.scheduledAt;
        }
        else {
            const id = parseRecordMessage(message);
            s = id && this.#sources.get(id.source);
            if (!id || !s) {
                this.#foreign += 1;
                return;
            }
            name = id.source;
            seq = id.seq;
            scheduledAt = id.scheduledAt;
            this.#lastSource = s;
            this.#lastName = name;
            this.#lastPrefix = `${RECORD_PREFIX}${name}|`;
        }
        // An isolated instance reports what it generated a little after it sends it: arrival proves generation.
        if (seq >= s.generated)
            this.generated(name, seq + 1);
        const st = s.state.get(seq);
        if (st === undefined) {
            // Older than the window: taken for a copy (see the class comment), so loss is never hidden.
            s.duplicated += 1;
            s.duplicateCopies += 1;
            return;
        }
        const count = st & COUNT_MASK;
        if (count === 0) {
            s.delivered += 1;
            s.lastDeliveryAt = receivedAt;
            if (st & DROPPED) {
                s.dropped -= 1;
                s.droppedButDelivered += 1;
            }
            if (st & UNDRAINED)
                s.undrained -= 1;
            if (seq < s.highestDelivered)
                s.reordered += 1;
            else
                s.highestDelivered = seq;
            recordMs(this.intervalLatency, receivedAt - scheduledAt);
        }
        else {
            if (count === 1)
                s.duplicated += 1;
            s.duplicateCopies += 1;
        }
        if (count < COUNT_MASK)
            s.state.set(seq, (st & DROPPED) | (count + 1));
    }
    /**
     * Ends a metrics interval: returns its latency histogram and starts a new one. The run's cumulative
     * histogram (`latency`) takes the interval in, so each delivery is recorded only once.
     */
    takeIntervalLatency() {
        const h = this.intervalLatency;
        this.latency.add(h);
        this.intervalLatency = createHistogram();
        return h;
    }
    /** Counts for one source, or for all of them. */
    counts(source) {
        const list = source === undefined ? [...this.#sources.values()] : [this.#get(source)];
        const c = {
            generated: 0, delivered: 0, duplicated: 0, duplicateCopies: 0, reordered: 0, dropped: 0,
            droppedButDelivered: 0, undrained: 0, lostInFailures: 0, lost: 0, foreign: source === undefined ? this.#foreign : 0,
        };
        for (const s of list) {
            c.generated += s.generated;
            c.delivered += s.delivered;
            c.duplicated += s.duplicated;
            c.duplicateCopies += s.duplicateCopies;
            c.reordered += s.reordered;
            c.dropped += s.dropped;
            c.droppedButDelivered += s.droppedButDelivered;
            c.undrained += s.undrained;
            const missing = Math.max(0, s.generated - s.delivered - s.dropped - s.undrained);
            if (s.failed)
                c.lostInFailures += missing;
            else
                c.lost += missing;
        }
        return c;
    }
    /** Every latency recorded so far, the current interval included (a new histogram). */
    latencyNow() {
        const h = createHistogram();
        h.add(this.latency);
        h.add(this.intervalLatency);
        return h;
    }
    /** Scenario time of the last first-delivery from this source (NaN if none yet). */
    lastDeliveryAt(source) {
        return this.#get(source).lastDeliveryAt;
    }
    /** Bytes of per-record state held now, over every source (bounded by sources × window). */
    stateBytes() {
        let n = 0;
        for (const s of this.#sources.values())
            n += s.state.bytes;
        return n;
    }
    sources() {
        return [...this.#sources.keys()];
    }
    #get(source) {
        const s = this.#sources.get(source);
        if (!s)
            throw new Error(`ledger: unknown source ${source}`);
        return s;
    }
}
//# sourceMappingURL=ledger.js.map