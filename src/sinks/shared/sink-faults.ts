import type { Clock, LongTimer } from '../../core/clock.js';
import type {
  ActiveSinkFault,
  DropConnectionFault,
  ErrorFault,
  SinkFaultEnd,
  SinkFaultKind,
  SinkFaultSpec,
  ThrottleFault,
} from './fault-types.js';

/** The programmatic handle on a sink's faults (tests now, the fault timeline later). */
export interface SinkFaults {
  /** Activates a fault now and returns its id. Throws RangeError on a malformed spec. */
  add(spec: SinkFaultSpec): string;
  /** Ends a fault early; false when no active fault has that id. */
  remove(id: string): boolean;
  clear(): void;
  list(): ActiveSinkFault[];
  /** Called once when a fault ends, for whatever reason. Returns an unsubscribe function. */
  onEnd(listener: (fault: ActiveSinkFault, reason: SinkFaultEnd) => void): () => void;
}

/**
 * The channel of traffic a sink cannot attribute to an instance (a TCP connection that named none): every
 * fault acts on it, whatever channels it is limited to.
 */
export const ANY_CHANNEL = Symbol('any channel');

/** A fault that decides the whole answer to a request. */
export type RequestFault = ErrorFault | ThrottleFault | DropConnectionFault;

/** Where in the handling of a request each kind acts. */
const PHASE: Record<SinkFaultKind, 'request' | 'latency' | 'batch' | 'idle'> = {
  error: 'request',
  throttle: 'request',
  'drop-connection': 'request',
  slow: 'latency',
  discard: 'batch',
  duplicate: 'batch',
  'close-idle': 'idle',
};

/** Kinds that only ever concern the operation that carries records (PutLogEvents, an HTTP sink's POST). */
const RECORDS_ONLY: ReadonlySet<SinkFaultKind> = new Set(['throttle', 'discard', 'duplicate']);

class Entry implements ActiveSinkFault {
  readonly id: string;
  readonly spec: SinkFaultSpec;
  readonly addedAt: number;
  remaining: number | undefined;
  timer: LongTimer | undefined;

  constructor(id: string, spec: SinkFaultSpec, addedAt: number) {
    this.id = id;
    this.spec = spec;
    this.addedAt = addedAt;
    this.remaining = countOf(spec);
  }

  applies(op: string, recordOp: string, stream: string | typeof ANY_CHANNEL | undefined): boolean {
    const spec = this.spec;
    if (RECORDS_ONLY.has(spec.kind) && op !== recordOp) return false;
    if ('ops' in spec && spec.ops !== undefined && !spec.ops.includes(op)) return false;
    if (stream === ANY_CHANNEL || !('streams' in spec) || spec.streams === undefined) return true;
    if (stream === undefined || !spec.streams.includes(stream)) return false;
    return true;
  }

  view(): ActiveSinkFault {
    return { id: this.id, spec: this.spec, addedAt: this.addedAt, remaining: this.remaining };
  }
}

function countOf(spec: SinkFaultSpec): number | undefined {
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

function check(spec: SinkFaultSpec): void {
  const fail = (what: string): never => {
    throw new RangeError(`sink fault ${JSON.stringify(spec)}: ${what}`);
  };
  if (!(spec.kind in PHASE)) fail(`unknown kind; expected one of ${Object.keys(PHASE).join(', ')}`);
  if (spec.for !== undefined && !(spec.for >= 0 && Number.isFinite(spec.for))) fail('`for` must be a duration in ms >= 0');
  const count = countOf(spec);
  if (count !== undefined && !(Number.isInteger(count) && count > 0)) fail('the count must be a positive integer');
  if (spec.kind === 'error' && spec.status !== 500 && spec.status !== 503) fail('status must be 500 or 503');
  if (spec.kind === 'slow' && !(spec.latency >= 0 && Number.isFinite(spec.latency))) fail('latency must be ms >= 0');
  if (spec.kind === 'close-idle' && !(spec.after >= 0 && Number.isFinite(spec.after))) fail('after must be ms >= 0');
}

/**
 * The active faults of one sink, in the order they were added. The server asks it, per request, for the
 * fault that decides the answer, the extra latency and the fate of an accepted batch; each question
 * consumes a count only when the fault actually acts.
 */
export class SinkFaultSet implements SinkFaults {
  readonly #clock: Clock;
  readonly #onIdleChange: () => void;
  readonly #endListeners: ((fault: ActiveSinkFault, reason: SinkFaultEnd) => void)[] = [];
  #entries: Entry[] = [];
  #nextId = 1;

  readonly #recordOp: string;

  /** `recordOp`: the operation that carries records (PutLogEvents; POST), the only one throttle, discard and duplicate act on. */
  constructor(clock: Clock, onIdleChange: () => void, recordOp: string) {
    this.#clock = clock;
    this.#onIdleChange = onIdleChange;
    this.#recordOp = recordOp;
  }

  get size(): number {
    return this.#entries.length;
  }

  add(spec: SinkFaultSpec): string {
    check(spec);
    const entry = new Entry(`sink-fault-${this.#nextId++}`, spec, this.#clock.now());
    if (spec.for !== undefined) {
      entry.timer = this.#clock.setTimeout(() => this.#end(entry, 'expired'), spec.for);
      entry.timer.unref();
    }
    this.#entries = [...this.#entries, entry];
    if (spec.kind === 'close-idle') this.#onIdleChange();
    return entry.id;
  }

  remove(id: string): boolean {
    const entry = this.#entries.find((e) => e.id === id);
    if (entry === undefined) return false;
    this.#end(entry, 'removed');
    return true;
  }

  clear(): void {
    for (const entry of this.#entries) this.#end(entry, 'cleared');
  }

  /** Ends every fault (the sink is stopping). */
  stop(): void {
    for (const entry of this.#entries) this.#end(entry, 'stopped');
  }

  list(): ActiveSinkFault[] {
    return this.#entries.map((e) => e.view());
  }

  onEnd(listener: (fault: ActiveSinkFault, reason: SinkFaultEnd) => void): () => void {
    this.#endListeners.push(listener);
    return () => {
      const i = this.#endListeners.indexOf(listener);
      if (i >= 0) this.#endListeners.splice(i, 1);
    };
  }

  /** The first active error, throttle or drop-connection fault for this request, its count consumed. */
  requestFault(op: string, stream: string | typeof ANY_CHANNEL | undefined): RequestFault | undefined {
    for (const entry of this.#entries) {
      if (PHASE[entry.spec.kind] === 'request' && entry.applies(op, this.#recordOp, stream)) {
        this.#use(entry);
        return entry.spec as RequestFault;
      }
    }
    return undefined;
  }

  /** Scenario ms that active `slow` faults add to this request. */
  extraLatency(op: string, stream: string | typeof ANY_CHANNEL | undefined): number {
    let ms = 0;
    for (const entry of this.#entries) {
      if (entry.spec.kind === 'slow' && entry.applies(op, this.#recordOp, stream)) ms += entry.spec.latency;
    }
    return ms;
  }

  /** What becomes of a batch that would be stored: discarded, duplicated, or (undefined) stored normally. */
  batchFault(stream: string | typeof ANY_CHANNEL): 'discard' | 'duplicate' | undefined {
    for (const entry of this.#entries) {
      const kind = entry.spec.kind;
      if ((kind === 'discard' || kind === 'duplicate') && entry.applies(this.#recordOp, this.#recordOp, stream)) {
        this.#use(entry);
        return kind;
      }
    }
    return undefined;
  }

  /** The idle timeout of the latest active `close-idle` fault (scenario ms), if any. */
  idleOverride(): number | undefined {
    for (let i = this.#entries.length - 1; i >= 0; i--) {
      const spec = this.#entries[i]?.spec;
      if (spec?.kind === 'close-idle') return spec.after;
    }
    return undefined;
  }

  #use(entry: Entry): void {
    if (entry.remaining === undefined) return;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.#end(entry, 'exhausted');
  }

  #end(entry: Entry, reason: SinkFaultEnd): void {
    if (!this.#entries.includes(entry)) return;
    // Copy on write: ending a fault while the list is being walked must not skip the next one.
    this.#entries = this.#entries.filter((e) => e !== entry);
    entry.timer?.clear();
    if (entry.spec.kind === 'close-idle') this.#onIdleChange();
    const view = entry.view();
    for (const listener of [...this.#endListeners]) listener(view, reason);
  }
}
