import { createHistogram, recordMs } from '../metrics/histogram.js';
import { DeliveryLedger } from '../delivery/ledger.js';
/**
 * The part of a cell that every system writing duress's records to a sink shares (the forwarder, a user's
 * output module): a delivery ledger fed by the sink (every record found by its id) and by what each
 * instance says it generated and dropped, request latency from the heartbeats, and silent loss judged per
 * instance once everything stopped. A kind adds its channel naming, its watch, what an ended instance
 * leaves, and its request counts.
 */
export class SinkWriterCell {
    ledger = new DeliveryLedger();
    context;
    #intervalRequest = createHistogram();
    constructor(context) {
        this.context = context;
        // The ledger's work is kept off the sink's answer path (receivedAt was taken on arrival).
        context.sink?.onDelivered((records, receivedAt) => setImmediate(() => this.ledger.deliveredEvents(records, receivedAt)));
    }
    spawn(_slot, id) {
        this.ledger.register(id);
        return { system: this.context.config };
    }
    check(watch, id, last, now, frozen) {
        return watch.check(now, last, this.ledger.lastDeliveryAt(id), frozen);
    }
    heartbeat(_slot, id, hb, current) {
        if (!current)
            return;
        this.ledger.generated(id, hb.generated);
        if (hb.dropped.length > 0)
            this.ledger.declareDropped(id, hb.dropped);
        for (const ms of hb.requestMs) {
            recordMs(this.#intervalRequest, ms);
            this.requestEnded(ms);
        }
    }
    /** Called with each output request's latency (scenario ms), for a kind that keeps more than the interval's. */
    requestEnded(_ms) { }
    deliveryCounts() {
        return this.ledger.counts();
    }
    interval(live) {
        const endToEnd = this.ledger.takeIntervalLatency();
        const request = this.#intervalRequest;
        this.#intervalRequest = createHistogram();
        return { endToEnd, request, requests: this.requestCounts(live) };
    }
    /** Silent loss, judged once everything is stopped: each instance that lost records is one failure. */
    losses(drained) {
        const out = [];
        for (const source of this.ledger.sources()) {
            const c = this.ledger.counts(source);
            if (c.lost > 0) {
                const slot = Number(/s(\d+)g/.exec(source)?.[1] ?? -1);
                out.push({ slot, id: source, evidence: { lostRecords: c.lost, generated: c.generated, delivered: c.delivered, drained } });
            }
        }
        return out;
    }
}
//# sourceMappingURL=sink-writer-cell.js.map