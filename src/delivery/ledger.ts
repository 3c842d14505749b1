import { createHistogram, recordMs, type Histogram } from '../metrics/histogram.js';
import { RECORD_PREFIX, parseRecordAt, parseTail } from './record-message.js';
import { SeqWindow } from './seq-window.js';

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

const DROPPED = 0x80;
const UNDRAINED = 0x40;
const COUNT_MASK = 0x3f;

/** Records of one source whose state the ledger keeps (1 MiB). */
export const LEDGER_WINDOW = 1 << 20;

/** Per-source state: one byte per record of the window (delivery count, saturating at 63, and dropped / undrained flags). */
class SourceLedger {
  readonly state: SeqWindow;
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

  constructor(window: number) {
    this.state = new SeqWindow(window);
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

/**
 * The exact account of every record of a cell by source and sequence (see DeliveryCounts): a system kind
 * feeds it the sink's deliveries (`deliveredEvents`) and what its instances say they generated, dropped
 * and still held, and reads counts, loss and end-to-end latency from it.
 */
export class DeliveryLedger implements LedgerWriter {
  readonly #sources = new Map<string, SourceLedger>();
  readonly #window: number;

  /** `window`: records of each source whose state is kept (a power of two); tests use small ones. */
  constructor(window = LEDGER_WINDOW) {
    this.#window = window;
  }

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
    if (!this.#sources.has(source)) this.#sources.set(source, new SourceLedger(this.#window));
  }

  /** The generator made records up to (not including) `count`. */
  generated(source: string, count: number): void {
    const s = this.#get(source);
    if (count > s.generated) {
      s.state.touch(count - 1);
      s.generated = count;
    }
  }

  /** The system gave up on these records and said so. */
  declareDropped(source: string, seqs: Iterable<number>): void {
    const s = this.#get(source);
    for (const seq of seqs) {
      if (seq >= s.generated) this.generated(source, seq + 1);
      const st = s.state.get(seq);
      if (st === undefined || st & DROPPED) continue;
      s.state.set(seq, st | DROPPED);
      if ((st & COUNT_MASK) === 0) s.dropped += 1;
      else s.droppedButDelivered += 1;
    }
  }

  /** At the end of the drain, the system still holds these (in its buffer or in flight). */
  declareUndrained(source: string, seqs: Iterable<number>): void {
    const s = this.#get(source);
    for (const seq of seqs) {
      if (seq >= s.generated) this.generated(source, seq + 1);
      const st = s.state.get(seq);
      if (st === undefined || st & (UNDRAINED | DROPPED) || (st & COUNT_MASK) > 0) continue;
      s.state.set(seq, st | UNDRAINED);
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
      // A record inside what a real program sent (a syslog header before it, JSON around it) is found where it is.
      const at = message.startsWith(RECORD_PREFIX) ? 0 : message.indexOf(RECORD_PREFIX);
      const id = at < 0 ? undefined : parseRecordAt(message, at);
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
      if (st & UNDRAINED) s.undrained -= 1;
      if (seq < s.highestDelivered) s.reordered += 1;
      else s.highestDelivered = seq;
      recordMs(this.intervalLatency, receivedAt - scheduledAt);
    } else {
      if (count === 1) s.duplicated += 1;
      s.duplicateCopies += 1;
    }
    if (count < COUNT_MASK) s.state.set(seq, (st & DROPPED) | (count + 1));
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

  /**
   * The highest sequence number of this source delivered so far (-1 if none). Records generated after it
   * are the source's undelivered tail: what a system that sends in order may still hold. Records missing
   * behind it are gaps: such a system went on past them.
   */
  highestDelivered(source: string): number {
    return this.#get(source).highestDelivered;
  }

  /** Scenario time of the last first-delivery from this source (NaN if none yet). */
  lastDeliveryAt(source: string): number {
    return this.#get(source).lastDeliveryAt;
  }

  /** Bytes of per-record state held now, over every source (bounded by sources × window). */
  stateBytes(): number {
    let n = 0;
    for (const s of this.#sources.values()) n += s.state.bytes;
    return n;
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
