import { createHistogram, recordMs, type Histogram } from '../metrics/histogram.js';
import { RECORD_PREFIX, parseRecordMessage, parseTail } from './record-message.js';

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

const DROPPED = 0x80;
const UNDRAINED = 0x40;
const COUNT_MASK = 0x3f;

/** Per-source state: one byte per record (delivery count, saturating at 63, and dropped / undrained flags). */
class SourceLedger {
  state = new Uint8Array(4096);
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

  ensure(seq: number): void {
    if (seq < this.state.length) return;
    let size = this.state.length;
    while (size <= seq) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.state);
    this.state = grown;
  }
}

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

export class DeliveryLedger implements LedgerWriter {
  readonly #sources = new Map<string, SourceLedger>();
  /**
   * End-to-end latency (sink receive time minus scheduled generation time, µs of scenario time) of the
   * intervals ended so far; `latencyNow()` includes the current one.
   */
  readonly latency: Histogram = createHistogram();
  /** Latency of the current metrics interval (see takeIntervalLatency). */
  intervalLatency: Histogram = createHistogram();
  #foreign = 0;

  /** A generator announces itself before producing. */
  register(source: string): void {
    if (!this.#sources.has(source)) this.#sources.set(source, new SourceLedger());
  }

  /** The generator made records up to (not including) `count`. */
  generated(source: string, count: number): void {
    const s = this.#get(source);
    if (count > s.generated) {
      s.ensure(count - 1);
      s.generated = count;
    }
  }

  /** The system gave up on these records and said so. */
  declareDropped(source: string, seqs: Iterable<number>): void {
    const s = this.#get(source);
    for (const seq of seqs) {
      if (seq >= s.generated) this.generated(source, seq + 1);
      const st = s.state[seq] ?? 0;
      if (st & DROPPED) continue;
      s.state[seq] = st | DROPPED;
      if ((st & COUNT_MASK) === 0) s.dropped += 1;
      else s.droppedButDelivered += 1;
    }
  }

  /** At the end of the drain, the system still holds these (in its buffer or in flight). */
  declareUndrained(source: string, seqs: Iterable<number>): void {
    const s = this.#get(source);
    for (const seq of seqs) {
      if (seq >= s.generated) this.generated(source, seq + 1);
      const st = s.state[seq] ?? 0;
      if (st & (UNDRAINED | DROPPED) || (st & COUNT_MASK) > 0) continue;
      s.state[seq] = st | UNDRAINED;
      s.undrained += 1;
    }
  }

  /** The instance that generated `source` failed: records it held and never delivered are lost with it. */
  markFailed(source: string): void {
    this.#get(source).failed = true;
  }

  /** The sink stored these messages at `receivedAt` (scenario epoch ms). */
  delivered(messages: Iterable<string>, receivedAt: number): void {
    for (const message of messages) this.#deliver(message, receivedAt);
  }

  /** The same, straight from the sink's events (no array of messages in between: this is the hot path). */
  deliveredEvents(events: readonly { message: string }[], receivedAt: number): void {
    for (let i = 0; i < events.length; i++) this.#deliver((events[i] as { message: string }).message, receivedAt);
  }

  // Consecutive messages nearly always come from the same source: remember it, skip the lookup.
  #lastPrefix = '';
  #lastSource: SourceLedger | undefined;
  #lastName = '';

  #deliver(message: string, receivedAt: number): void {
    let s: SourceLedger | undefined;
    let name: string;
    let seq: number;
    let scheduledAt: number;
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
    } else {
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
    if (seq >= s.generated) this.generated(name, seq + 1);
    const st = s.state[seq] ?? 0;
    const count = st & COUNT_MASK;
    if (count === 0) {
      s.delivered += 1;
      s.lastDeliveryAt = receivedAt;
      if (st & DROPPED) {
        s.dropped -= 1;
        s.droppedButDelivered += 1;
      }
      if (st & UNDRAINED) s.undrained -= 1;
      if (seq < s.highestDelivered) s.reordered += 1;
      else s.highestDelivered = seq;
      recordMs(this.intervalLatency, receivedAt - scheduledAt);
    } else {
      if (count === 1) s.duplicated += 1;
      s.duplicateCopies += 1;
    }
    if (count < COUNT_MASK) s.state[seq] = (st & DROPPED) | (count + 1);
  }

  /**
   * Ends a metrics interval: returns its latency histogram and starts a new one. The run's cumulative
   * histogram (`latency`) takes the interval in, so each delivery is recorded only once.
   */
  takeIntervalLatency(): Histogram {
    const h = this.intervalLatency;
    this.latency.add(h);
    this.intervalLatency = createHistogram();
    return h;
  }

  /** Counts for one source, or for all of them. */
  counts(source?: string): DeliveryCounts {
    const list = source === undefined ? [...this.#sources.values()] : [this.#get(source)];
    const c: DeliveryCounts = {
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
      if (s.failed) c.lostInFailures += missing;
      else c.lost += missing;
    }
    return c;
  }

  /** Every latency recorded so far, the current interval included (a new histogram). */
  latencyNow(): Histogram {
    const h = createHistogram();
    h.add(this.latency);
    h.add(this.intervalLatency);
    return h;
  }

  /** Scenario time of the last first-delivery from this source (NaN if none yet). */
  lastDeliveryAt(source: string): number {
    return this.#get(source).lastDeliveryAt;
  }

  sources(): string[] {
    return [...this.#sources.keys()];
  }

  #get(source: string): SourceLedger {
    const s = this.#sources.get(source);
    if (!s) throw new Error(`ledger: unknown source ${source}`);
    return s;
  }
}
