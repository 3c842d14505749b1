import type { DeliveryCounts } from '../../delivery/ledger.js';
import { createHistogram, decodeHistogram, type Histogram } from '../../metrics/histogram.js';
import type { CellContext, CellSystem, IntervalFigures, Loss } from '../system-kind.js';
import { Watch, type Verdict } from '../watch.js';
import type { HttpHeartbeat, HttpStopped, HttpTallyMessage, HttpWorkerData } from './messages.js';
import type { HttpConfig } from './schema.js';

/** What the `http` kind's spawn adds to a worker's start data (the engine adds the rest, the route's origin included). */
export type HttpSpawnData = Pick<HttpWorkerData, 'system' | 'share' | 'shares' | 'connections' | 'scheduleStartedAt'>;

/**
 * The watchdog's judge of a load generator: its own thread stuck (no heartbeat for the hang window) or
 * over the memory limit. A target that stops answering is not the generator's failure: it shows as
 * latency, errors (timeouts) and shortfall, which thresholds judge.
 */
export class HttpWatch extends Watch {
  check(now: number, hb: HttpHeartbeat | undefined, frozen: boolean): Verdict | undefined {
    const memory = hb && this.overMemory(hb);
    if (memory) return { mode: 'memory', evidence: memory };
    return frozen ? undefined : this.unresponsive(now, Number.NaN);
  }
}

/** The counts of a tally message, without its latencies. */
type Counts = Omit<HttpTallyMessage, 'corrected' | 'uncorrected'>;

const zero = (): Counts => ({ due: 0, sent: 0, responses: 0, shortfall: 0, bytesReceived: 0, statuses: {}, errors: {} });

function addCounts(into: Counts, from: Counts): void {
  into.due += from.due;
  into.sent += from.sent;
  into.responses += from.responses;
  into.shortfall += from.shortfall;
  into.bytesReceived += from.bytesReceived;
  for (const [k, v] of Object.entries(from.statuses)) into.statuses[k] = (into.statuses[k] ?? 0) + v;
  for (const [k, v] of Object.entries(from.errors)) into.errors[k] = (into.errors[k] ?? 0) + v;
}

/**
 * The `http` kind's part of one cell: the instances' tallies summed (cumulative counts, from each one's
 * last message) and their latencies merged per interval.
 *
 * How a load test's figures sit in the journal, so the common reports, thresholds and compare read them:
 * - `endToEnd` latency is the corrected latency (from each request's due time) in the open model, and the
 *   only latency (from the send) in the closed model; `request` latency is the uncorrected one (from the
 *   send), what a closed-model tool would have reported. Thresholds on p99 etc. read `endToEnd`.
 * - delivery counts: `generated` = requests due, `delivered` = responses (complete, any status),
 *   `dropped` = the shortfall (due and never sent, declared by the generator). Nothing is lost silently:
 *   a request sent and not answered is an error outcome.
 * - request outcomes: each status code (`200`, `503`) and each error kind (`ECONNREFUSED`,
 *   `UND_ERR_HEADERS_TIMEOUT`, `unfinished`); statuses 200–399 count as succeeded (as k6 counts them).
 * - the system counters: due, sent, responses, shortfall, errors, bytesReceived, inFlight.
 */
export class HttpCell implements CellSystem<HttpHeartbeat, HttpStopped, HttpSpawnData, HttpWatch> {
  readonly #context: CellContext<HttpConfig>;
  /** Cumulative counts of each running instance, by id (its last message). */
  readonly #live = new Map<string, Counts>();
  /** Counts of the instances that ended. */
  readonly #ended: Counts = zero();
  #corrected: Histogram = createHistogram();
  #uncorrected: Histogram = createHistogram();
  /** Scenario epoch ms at which the cell's load began (its first watch), for renewed instances to join the schedule. */
  #startedAt: number | undefined;
  #inFlight = new Map<string, number>();

  constructor(context: CellContext<HttpConfig>) {
    this.#context = context;
  }

  spawn(slot: number, _id: string): HttpSpawnData {
    const { config, instances } = this.#context;
    return {
      system: config,
      share: slot,
      shares: instances,
      connections: Math.floor(config.connections / instances) + (slot < config.connections % instances ? 1 : 0),
      ...(this.#startedAt !== undefined ? { scheduleStartedAt: this.#startedAt } : {}),
    };
  }

  watchFor(startedAt: number): HttpWatch {
    this.#startedAt ??= startedAt;
    return new HttpWatch(startedAt, this.#context.hangWindow, this.#context.memoryLimit);
  }

  check(watch: HttpWatch, _id: string, last: HttpHeartbeat | undefined, now: number, frozen: boolean): Verdict | undefined {
    return watch.check(now, last, frozen);
  }

  heartbeat(_slot: number, id: string, hb: HttpHeartbeat): void {
    // Even an instance being replaced measured real requests: its latencies and counts stand.
    this.#take(hb);
    this.#live.set(id, countsOf(hb));
    this.#inFlight.set(id, hb.inFlight);
  }

  ended(_slot: number, id: string, last: HttpHeartbeat | undefined, final: HttpStopped | undefined): void {
    if (final) this.#take(final);
    const counts = final ?? last;
    if (counts) addCounts(this.#ended, countsOf(counts));
    this.#live.delete(id);
    this.#inFlight.delete(id);
  }

  #take(m: HttpTallyMessage): void {
    if (m.corrected !== undefined) this.#corrected.add(decodeHistogram(m.corrected));
    if (m.uncorrected !== undefined) this.#uncorrected.add(decodeHistogram(m.uncorrected));
  }

  #total(): Counts {
    const total = zero();
    addCounts(total, this.#ended);
    for (const c of this.#live.values()) addCounts(total, c);
    return total;
  }

  deliveryCounts(): DeliveryCounts {
    const t = this.#total();
    return {
      generated: t.due,
      delivered: t.responses,
      duplicated: 0,
      duplicateCopies: 0,
      reordered: 0,
      dropped: t.shortfall,
      droppedButDelivered: 0,
      undrained: 0,
      lostInFailures: 0,
      lost: 0,
      foreign: 0,
    };
  }

  interval(): IntervalFigures {
    const open = this.#context.config.rate !== undefined || this.#context.config.stages !== undefined;
    const request = this.#uncorrected;
    // The closed model has one latency, from the send: it is the cell's latency too.
    const endToEnd = open ? this.#corrected : request;
    this.#corrected = createHistogram();
    this.#uncorrected = createHistogram();
    const { requests, system } = this.totals();
    return { endToEnd, request, requests, extra: { system } };
  }

  losses(): Loss[] {
    return [];
  }

  totals(): { requests: Record<string, number>; system: Record<string, number> } {
    const t = this.#total();
    const errors = Object.values(t.errors).reduce((n, v) => n + v, 0);
    let inFlight = 0;
    for (const v of this.#inFlight.values()) inFlight += v;
    return {
      requests: { ...t.statuses, ...t.errors },
      system: { due: t.due, sent: t.sent, responses: t.responses, shortfall: t.shortfall, errors, bytesReceived: t.bytesReceived, inFlight },
    };
  }
}

function countsOf(m: HttpTallyMessage): Counts {
  return { due: m.due, sent: m.sent, responses: m.responses, shortfall: m.shortfall, bytesReceived: m.bytesReceived, statuses: m.statuses, errors: m.errors };
}

/** Request outcomes that count as succeeded: the statuses 200 to 399, as k6 counts them. */
export const SUCCEEDED_STATUSES: readonly string[] = Array.from({ length: 200 }, (_, i) => String(200 + i));
