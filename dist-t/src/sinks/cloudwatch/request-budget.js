/**
 * A byte budget shared by every request the sink is reading. A request reserves what it will hold (its
 * Content-Length, or the per-request maximum when it is chunked) before its body is read; while the budget
 * has no room it is not read at all, so the client's upload stalls on TCP backpressure (the socket's own
 * buffers, not the sink's heap) and resumes when earlier requests are done. Reservations are granted in
 * arrival order, and each admitted request can always finish, so waiting requests cannot deadlock the sink.
 */
export class RequestBudget {
    counters = { heldBytes: 0, peakBytes: 0, waiting: 0, waited: 0, readBytes: 0 };
    #limit;
    #queue = [];
    constructor(limitBytes) {
        this.#limit = limitBytes;
    }
    /**
     * Calls `grant` once `bytes` fit (at once when they do now). Returns a function that gives the
     * reservation back, or withdraws the request if it is still waiting; calling it twice does nothing.
     */
    reserve(bytes, grant) {
        const want = Math.min(bytes, this.#limit);
        const entry = { bytes: want, grant };
        let state = 'waiting';
        entry.grant = () => {
            state = 'held';
            this.#take(want);
            grant();
        };
        if (this.#queue.length === 0 && this.#fits(want))
            entry.grant();
        else {
            this.#queue.push(entry);
            this.counters.waiting += 1;
            this.counters.waited += 1;
        }
        return () => {
            if (state === 'held') {
                this.counters.heldBytes -= want;
                this.#drain();
            }
            else if (state === 'waiting') {
                const i = this.#queue.indexOf(entry);
                if (i >= 0) {
                    this.#queue.splice(i, 1);
                    this.counters.waiting -= 1;
                }
                this.#drain();
            }
            state = 'done';
        };
    }
    #fits(bytes) {
        return this.counters.heldBytes === 0 || this.counters.heldBytes + bytes <= this.#limit;
    }
    #take(bytes) {
        this.counters.heldBytes += bytes;
        if (this.counters.heldBytes > this.counters.peakBytes)
            this.counters.peakBytes = this.counters.heldBytes;
    }
    #drain() {
        while (this.#queue.length > 0 && this.#fits(this.#queue[0].bytes)) {
            const next = this.#queue.shift();
            this.counters.waiting -= 1;
            next.grant();
        }
    }
}
/**
 * Reads a request body within the budget: waits for a reservation (the request stays paused meanwhile),
 * keeps at most `maxBytes`, and gives the reservation back when the body is read or the client goes away.
 * A body that turns out larger than `maxBytes` is read to its end and discarded (so the answer can be
 * sent on a healthy connection), holding nothing more.
 */
export function readBody(req, budget, maxBytes, declared) {
    return new Promise((resolve) => {
        req.pause();
        const chunks = [];
        let size = 0;
        let settled = false;
        const release = budget.reserve(declared ?? maxBytes, () => req.resume());
        const finish = (result) => {
            if (settled)
                return;
            settled = true;
            release();
            resolve(result);
        };
        req.on('data', (chunk) => {
            size += chunk.length;
            budget.counters.readBytes += chunk.length;
            if (size <= maxBytes)
                chunks.push(chunk);
            else
                chunks.length = 0;
        });
        req.on('end', () => {
            if (size > maxBytes)
                finish({ kind: 'too-large' });
            else
                finish({ kind: 'body', raw: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size) });
        });
        // A client that goes away mid-body: Node tears the socket down; there is no one left to answer.
        req.on('error', () => finish({ kind: 'aborted' }));
        req.on('close', () => finish({ kind: 'aborted' }));
    });
}
//# sourceMappingURL=request-budget.js.map