import type { IncomingMessage } from 'node:http';
/** What the budget has seen, for counters and tests (a plain object updated in place). */
export interface BudgetCounters {
    /** Bytes reserved by requests being read now. */
    heldBytes: number;
    /** The most ever held at once. */
    peakBytes: number;
    /** Requests waiting for room now. */
    waiting: number;
    /** Requests that had to wait before being read. */
    waited: number;
    /** Body bytes read so far, over all requests. */
    readBytes: number;
}
/**
 * A byte budget shared by every request the sink is reading. A request reserves what it will hold (its
 * Content-Length, or the per-request maximum when it is chunked) before its body is read; while the budget
 * has no room it is not read at all, so the client's upload stalls on TCP backpressure (the socket's own
 * buffers, not the sink's heap) and resumes when earlier requests are done. Reservations are granted in
 * arrival order, and each admitted request can always finish, so waiting requests cannot deadlock the sink.
 */
export declare class RequestBudget {
    #private;
    readonly counters: BudgetCounters;
    constructor(limitBytes: number);
    /**
     * Calls `grant` once `bytes` fit (at once when they do now). Returns a function that gives the
     * reservation back, or withdraws the request if it is still waiting; calling it twice does nothing.
     */
    reserve(bytes: number, grant: () => void): () => void;
}
/** How reading a request body ended. */
export type BodyResult = {
    kind: 'body';
    raw: Buffer;
} | {
    kind: 'too-large';
} | {
    kind: 'aborted';
};
/**
 * Reads a request body within the budget: waits for a reservation (the request stays paused meanwhile),
 * keeps at most `maxBytes`, and gives the reservation back when the body is read or the client goes away.
 * A body that turns out larger than `maxBytes` is read to its end and discarded (so the answer can be
 * sent on a healthy connection), holding nothing more.
 */
export declare function readBody(req: IncomingMessage, budget: RequestBudget, maxBytes: number, declared: number | undefined): Promise<BodyResult>;
