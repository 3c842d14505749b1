import { createHistogram, recordMs } from '../../metrics/histogram.js';
import { SinkWriterCell } from '../sink-writer-cell.js';
import { InstanceWatch } from './watch.js';
/**
 * The forwarder's part of one cell (the engine runs the instances, the sink, the DNS server and the
 * routes): the delivery accounting every sink writer shares (SinkWriterCell), what a stopped instance still
 * held, every request's latency over the cell, and the forwarder's own counters.
 */
export class ForwarderCell extends SinkWriterCell {
    #requestLatency = createHistogram();
    #stoppedCounters = [];
    channel(slot) {
        return `${this.context.config.output.logStreamPrefix}${slot}`;
    }
    watchFor(startedAt) {
        return new InstanceWatch(startedAt, this.context.hangWindow, this.context.memoryLimit);
    }
    requestEnded(ms) {
        recordMs(this.#requestLatency, ms);
    }
    ended(_slot, id, last, final) {
        if (last)
            this.#stoppedCounters.push(last.counters);
        if (final) {
            this.ledger.generated(id, final.generated);
            this.ledger.declareDropped(id, final.dropped);
            this.ledger.declareUndrained(id, final.undrained);
        }
        else {
            this.ledger.markFailed(id);
        }
    }
    requestCounts(live) {
        return this.counters(live).requests;
    }
    totals(live) {
        return this.counters(live);
    }
    /** Request outcomes and system counters, summed over the instances that ran (`live`: those running now; none once the cell stopped). */
    counters(live = []) {
        const requests = {};
        const system = {};
        const all = [...this.#stoppedCounters, ...live.flatMap((i) => (i.last ? [i.last.counters] : []))];
        for (const counters of all) {
            for (const [k, v] of Object.entries(counters)) {
                if (k.startsWith('requests.'))
                    requests[k.slice(9)] = (requests[k.slice(9)] ?? 0) + v;
                else
                    system[k] = (system[k] ?? 0) + v;
            }
        }
        return { requests, system };
    }
    /** Every output request's latency over the cell, scenario ms. */
    get requestLatency() {
        return this.#requestLatency;
    }
}
//# sourceMappingURL=cell.js.map