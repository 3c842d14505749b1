/** Where in the handling of a request each kind acts. */
const PHASE = {
    error: 'request',
    throttle: 'request',
    'drop-connection': 'request',
    slow: 'latency',
    discard: 'batch',
    duplicate: 'batch',
    'close-idle': 'idle',
};
/** Kinds that only ever concern PutLogEvents. */
const PUT_ONLY = new Set(['throttle', 'discard', 'duplicate']);
class Entry {
    id;
    spec;
    addedAt;
    remaining;
    timer;
    constructor(id, spec, addedAt) {
        this.id = id;
        this.spec = spec;
        this.addedAt = addedAt;
        this.remaining = countOf(spec);
    }
    applies(op, stream) {
        const spec = this.spec;
        if (PUT_ONLY.has(spec.kind) && op !== 'PutLogEvents')
            return false;
        if ('ops' in spec && spec.ops !== undefined && !spec.ops.includes(op))
            return false;
        if ('streams' in spec && spec.streams !== undefined && (stream === undefined || !spec.streams.includes(stream)))
            return false;
        return true;
    }
    view() {
        return { id: this.id, spec: this.spec, addedAt: this.addedAt, remaining: this.remaining };
    }
}
function countOf(spec) {
    switch (spec.kind) {
        case 'discard':
        case 'duplicate':
            return spec.batches;
        case 'throttle':
        case 'error':
        case 'drop-connection':
            return spec.requests;
        default:
            return undefined;
    }
}
function check(spec) {
    const fail = (what) => {
        throw new RangeError(`sink fault ${JSON.stringify(spec)}: ${what}`);
    };
    if (!(spec.kind in PHASE))
        fail(`unknown kind; expected one of ${Object.keys(PHASE).join(', ')}`);
    if (spec.for !== undefined && !(spec.for >= 0 && Number.isFinite(spec.for)))
        fail('`for` must be a duration in ms >= 0');
    const count = countOf(spec);
    if (count !== undefined && !(Number.isInteger(count) && count > 0))
        fail('the count must be a positive integer');
    if (spec.kind === 'error' && spec.status !== 500 && spec.status !== 503)
        fail('status must be 500 or 503');
    if (spec.kind === 'slow' && !(spec.latency >= 0 && Number.isFinite(spec.latency)))
        fail('latency must be ms >= 0');
    if (spec.kind === 'close-idle' && !(spec.after >= 0 && Number.isFinite(spec.after)))
        fail('after must be ms >= 0');
}
/**
 * The active faults of one sink, in the order they were added. The server asks it, per request, for the
 * fault that decides the answer, the extra latency and the fate of an accepted batch; each question
 * consumes a count only when the fault actually acts.
 */
export class SinkFaultSet {
    #clock;
    #onIdleChange;
    #endListeners = [];
    #entries = [];
    #nextId = 1;
    constructor(clock, onIdleChange) {
        this.#clock = clock;
        this.#onIdleChange = onIdleChange;
    }
    get size() {
        return this.#entries.length;
    }
    add(spec) {
        check(spec);
        const entry = new Entry(`sink-fault-${this.#nextId++}`, spec, this.#clock.now());
        if (spec.for !== undefined) {
            entry.timer = this.#clock.setTimeout(() => this.#end(entry, 'expired'), spec.for);
            entry.timer.unref();
        }
        this.#entries = [...this.#entries, entry];
        if (spec.kind === 'close-idle')
            this.#onIdleChange();
        return entry.id;
    }
    remove(id) {
        const entry = this.#entries.find((e) => e.id === id);
        if (entry === undefined)
            return false;
        this.#end(entry, 'removed');
        return true;
    }
    clear() {
        for (const entry of this.#entries)
            this.#end(entry, 'cleared');
    }
    /** Ends every fault (the sink is stopping). */
    stop() {
        for (const entry of this.#entries)
            this.#end(entry, 'stopped');
    }
    list() {
        return this.#entries.map((e) => e.view());
    }
    onEnd(listener) {
        this.#endListeners.push(listener);
        return () => {
            const i = this.#endListeners.indexOf(listener);
            if (i >= 0)
                this.#endListeners.splice(i, 1);
        };
    }
    /** The first active error, throttle or drop-connection fault for this request, its count consumed. */
    requestFault(op, stream) {
        for (const entry of this.#entries) {
            if (PHASE[entry.spec.kind] === 'request' && entry.applies(op, stream)) {
                this.#use(entry);
                return entry.spec;
            }
        }
        return undefined;
    }
    /** Scenario ms that active `slow` faults add to this request. */
    extraLatency(op, stream) {
        let ms = 0;
        for (const entry of this.#entries) {
            if (entry.spec.kind === 'slow' && entry.applies(op, stream))
                ms += entry.spec.latency;
        }
        return ms;
    }
    /** What becomes of a batch that would be stored: discarded, duplicated, or (undefined) stored normally. */
    batchFault(stream) {
        for (const entry of this.#entries) {
            const kind = entry.spec.kind;
            if ((kind === 'discard' || kind === 'duplicate') && entry.applies('PutLogEvents', stream)) {
                this.#use(entry);
                return kind;
            }
        }
        return undefined;
    }
    /** The idle timeout of the latest active `close-idle` fault (scenario ms), if any. */
    idleOverride() {
        for (let i = this.#entries.length - 1; i >= 0; i--) {
            const spec = this.#entries[i]?.spec;
            if (spec?.kind === 'close-idle')
                return spec.after;
        }
        return undefined;
    }
    #use(entry) {
        if (entry.remaining === undefined)
            return;
        entry.remaining -= 1;
        if (entry.remaining <= 0)
            this.#end(entry, 'exhausted');
    }
    #end(entry, reason) {
        if (!this.#entries.includes(entry))
            return;
        // Copy on write: ending a fault while the list is being walked must not skip the next one.
        this.#entries = this.#entries.filter((e) => e !== entry);
        entry.timer?.clear();
        if (entry.spec.kind === 'close-idle')
            this.#onIdleChange();
        const view = entry.view();
        for (const listener of [...this.#endListeners])
            listener(view, reason);
    }
}
//# sourceMappingURL=sink-faults.js.map