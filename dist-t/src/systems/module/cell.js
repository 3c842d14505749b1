import { LEDGER_WINDOW } from '../../delivery/ledger.js';
import { SinkWriterCell } from '../sink-writer-cell.js';
import { finiteOrNull, Watch } from '../watch.js';
/**
 * The watchdog's judge of a module instance (contract.ts states the rules for the user). A hang needs
 * proof of being stuck, as the forwarder's does: for the whole hang window nothing of this instance was
 * delivered AND a request the module reported is in flight and none ended; or no heartbeat came at all.
 * A module between requests (a backoff, an outage) is waiting, not hung.
 */
export class ModuleWatch extends Watch {
    check(now, hb, lastDeliveryAt, frozen) {
        const memory = hb && this.overMemory(hb);
        if (memory)
            return { mode: 'memory', evidence: memory };
        if (now - this.sinceStart(lastDeliveryAt) <= this.hangWindow || frozen)
            return undefined;
        const unresponsive = this.unresponsive(now, lastDeliveryAt);
        if (unresponsive)
            return unresponsive;
        if (!hb || hb.inFlight === 0)
            return undefined;
        const lastEnd = this.sinceStart(hb.lastRequestEndAt);
        if (now - lastEnd <= this.hangWindow)
            return undefined;
        return {
            mode: 'hang',
            evidence: {
                reason: 'stuck: a request of the module in flight and none ended for the hang window',
                inFlight: hb.inFlight,
                lastRequestEndAt: finiteOrNull(hb.lastRequestEndAt),
                lastDeliveryAt: finiteOrNull(lastDeliveryAt),
                stuckForMs: now - lastEnd,
                recordsWaiting: hb.waiting,
            },
        };
    }
}
function* seqRange(from, to) {
    for (let s = from; s < to; s++)
        yield s;
}
/**
 * The module kind's part of one cell: the delivery accounting every sink writer shares (SinkWriterCell),
 * what a stopped module still held, and the request outcomes it reported.
 */
export class ModuleCell extends SinkWriterCell {
    /** Request outcomes of the instances that ended. */
    #endedRequests = {};
    channel(slot) {
        return `instance-${slot}`;
    }
    watchFor(startedAt) {
        return new ModuleWatch(startedAt, this.context.hangWindow, this.context.memoryLimit);
    }
    ended(_slot, id, last, final) {
        const requests = final?.requests ?? last?.requests;
        if (requests)
            addInto(this.#endedRequests, requests);
        if (!final) {
            this.ledger.markFailed(id);
            return;
        }
        this.ledger.generated(id, final.generated);
        this.ledger.declareDropped(id, final.dropped);
        // Stopped while still running (the drain ran out): what it had not delivered it still held. The
        // ledger skips records already delivered, and counts one that arrives later as delivered.
        if (!final.finished)
            this.ledger.declareUndrained(id, seqRange(Math.max(0, final.generated - LEDGER_WINDOW), final.generated));
    }
    totals(live) {
        return { requests: this.requestCounts(live), system: {} };
    }
    requestCounts(live) {
        const out = { ...this.#endedRequests };
        for (const i of live)
            if (i.last)
                addInto(out, i.last.requests);
        return out;
    }
}
function addInto(total, more) {
    for (const [k, v] of Object.entries(more))
        total[k] = (total[k] ?? 0) + v;
}
//# sourceMappingURL=cell.js.map