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
export class RequestBudget {
  readonly counters: BudgetCounters = { heldBytes: 0, peakBytes: 0, waiting: 0, waited: 0, readBytes: 0 };
  readonly #limit: number;
  readonly #queue: { bytes: number; grant: () => void }[] = [];

  constructor(limitBytes: number) {
    this.#limit = limitBytes;
  }

  /**
   * Calls `grant` once `bytes` fit (at once when they do now). Returns a function that gives the
   * reservation back, or withdraws the request if it is still waiting; calling it twice does nothing.
   */
  reserve(bytes: number, grant: () => void): () => void {
    const want = Math.min(bytes, this.#limit);
    const entry = { bytes: want, grant };
    let state: 'waiting' | 'held' | 'done' = 'waiting';
    entry.grant = () => {
      state = 'held';
      this.#take(want);
      grant();
    };
    if (this.#queue.length === 0 && this.#fits(want)) entry.grant();
    else {
      this.#queue.push(entry);
      this.counters.waiting += 1;
      this.counters.waited += 1;
    }
    return () => {
      if (state === 'held') {
        this.counters.heldBytes -= want;
        this.#drain();
      } else if (state === 'waiting') {
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

  #fits(bytes: number): boolean {
    return this.counters.heldBytes === 0 || this.counters.heldBytes + bytes <= this.#limit;
  }

  #take(bytes: number): void {
    this.counters.heldBytes += bytes;
    if (this.counters.heldBytes > this.counters.peakBytes) this.counters.peakBytes = this.counters.heldBytes;
  }

  #drain(): void {
    while (this.#queue.length > 0 && this.#fits((this.#queue[0] as { bytes: number }).bytes)) {
      const next = this.#queue.shift() as { grant: () => void };
      this.counters.waiting -= 1;
      next.grant();
    }
  }
}

/** How reading a request body ended. */
export type BodyResult = { kind: 'body'; raw: Buffer } | { kind: 'too-large' } | { kind: 'aborted' };

/**
 * Reads a request body within the budget: waits for a reservation (the request stays paused meanwhile),
 * keeps at most `maxBytes`, and gives the reservation back when the body is read or the client goes away.
 * A body that turns out larger than `maxBytes` is read to its end and discarded (so the answer can be
 * sent on a healthy connection), holding nothing more.
 */
export function readBody(req: IncomingMessage, budget: RequestBudget, maxBytes: number, declared: number | undefined): Promise<BodyResult> {
  return new Promise((resolve) => {
    req.pause();
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const release = budget.reserve(declared ?? maxBytes, () => req.resume());
    const finish = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      release();
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      budget.counters.readBytes += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => {
      if (size > maxBytes) finish({ kind: 'too-large' });
      else finish({ kind: 'body', raw: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size) });
    });
    // A client that goes away mid-body: Node tears the socket down; there is no one left to answer.
    req.on('error', () => finish({ kind: 'aborted' }));
    req.on('close', () => finish({ kind: 'aborted' }));
  });
}
