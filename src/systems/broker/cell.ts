import type { LinkInterval } from '../../journal/events.js';
import { createHistogram, encodeHistogram, recordMs, warmUpHistograms, type Histogram } from '../../metrics/histogram.js';
import type { DeliveryCounts } from '../../delivery/ledger.js';
import type { CellContext, CellSystem, IntervalFigures, LiveInstance, Loss } from '../system-kind.js';
import type { Verdict } from '../watch.js';
import type { BrokerConfig } from './config.js';
import { addDeliveryCounts, brokerDelivery, emptyDeliveryCounts } from './delivery.js';
import { brokerLinks } from './links.js';
import type { BrokerHeartbeat, BrokerStopped, LatencyByLink, SubscriberState } from './messages.js';
import { subscriberRole, type SubscriberRole } from './subscriber-roles.js';
import { BrokerWatch } from './watch.js';

/**
 * Without `failures.memoryLimit`, a broker instance is failed (memory) at this much heap plus buffers:
 * message buffers live outside the V8 heap, so the worker's heap cap alone would not keep an `unbounded`
 * inbox from taking duress's memory with it.
 */
export const DEFAULT_BROKER_MEMORY_LIMIT = 256 * 2 ** 20;
/** Counters that are a maximum over instances, not a sum. */
export const BROKER_MAX_COUNTERS: ReadonlySet<string> = new Set(['deepestQueue', 'deepestQueueMessages', 'deepestQueueBytes', 'slotsOldestWaitMs', 'peakQueuedBytes', 'peakMemory']);
/** The broker counters each interval carries (its memory above all). */
const INTERVAL_COUNTERS = ['queuedBytes', 'queuedMessages', 'peakQueuedBytes', 'peakMemory', 'deepestQueueMessages', 'deepestQueueBytes', 'published', 'dropped', 'disconnected', 'subscribersLost', 'publisherBacklog', 'publisherPausedMs'];

/** What the broker's `spawn` adds to a worker's start data. */
export interface BrokerSpawnData {
  system: BrokerConfig;
}

/** What an instance left when it ended (stopped or failed). */
interface Ended {
  slot: number;
  id: string;
  delivery: DeliveryCounts;
  subscribers: SubscriberState[];
  counters: Record<string, number>;
}

/**
 * The broker's part of one cell (the engine runs the instances and their routes: every subscribing
 * client behind its own proxy route, `subscriber-<j>`, `peer-<k>`, the links faults name).
 *
 * Delivery counts are the broker's own accounting mapped to the ledger's terms (delivery.ts). The
 * interval's end-to-end latency is that of the **fast** subscribers only, those with no fault on their
 * link in the scenario (subscriber-roles.ts): the head-of-line cost a slow or dead subscriber puts on
 * everyone else. Each subscribing client's own latency and counts go in the interval's `links` (the
 * figures of the broker's links table, report-section.ts), and
 * the broker's memory in its `system`.
 */
export class BrokerCell implements CellSystem<BrokerHeartbeat, BrokerStopped, BrokerSpawnData, BrokerWatch> {
  readonly #context: CellContext<BrokerConfig>;
  readonly #links: string[];
  readonly #roles: SubscriberRole[];
  readonly #ended: Ended[] = [];
  readonly #memoryLimit: number;
  /** Of each slot's current generation: the most queued bytes and memory seen. */
  readonly #peaks = new Map<number, { queuedBytes: number; memory: number }>();
  #intervalLatency = new Map<string, Histogram>();

  constructor(context: CellContext<BrokerConfig>) {
    this.#context = context;
    this.#links = brokerLinks(context.config);
    this.#roles = this.#links.map((l) => subscriberRole(l, context.faults));
    this.#memoryLimit = context.memoryLimit > 0 ? context.memoryLimit : DEFAULT_BROKER_MEMORY_LIMIT;
  }

  open(): Promise<void> {
    warmUpHistograms();
    return Promise.resolve();
  }

  spawn(slot: number): BrokerSpawnData {
    this.#peaks.set(slot, { queuedBytes: 0, memory: 0 });
    return { system: this.#context.config };
  }

  watchFor(startedAt: number): BrokerWatch {
    return new BrokerWatch(startedAt, this.#context.hangWindow, this.#memoryLimit);
  }

  /** A real server's memory is its resident set: only the in-process broker's worker is judged on its own. */
  workerMemoryLimit(): number {
    return this.#context.config.server.kind === 'in-process' ? this.#memoryLimit : 0;
  }

  check(watch: BrokerWatch, _id: string, last: BrokerHeartbeat | undefined, now: number, frozen: boolean): Verdict | undefined {
    return watch.check(now, last, frozen);
  }

  heartbeat(slot: number, _id: string, hb: BrokerHeartbeat, current: boolean): void {
    // Latency is measured whoever the instance is now: deliveries of a failing instance happened.
    this.#addLatency(hb.latency);
    if (!current) return;
    const peak = this.#peak(slot);
    peak.queuedBytes = Math.max(peak.queuedBytes, hb.counters.queuedBytes ?? 0);
    // A real broker server's memory is its resident set; the in-process broker's, its worker's.
    peak.memory = Math.max(peak.memory, hb.serverRss ?? hb.memoryUsed);
  }

  /** Keeps what an instance left: its delivery, its subscribers, its counters with its peaks. */
  ended(slot: number, id: string, last: BrokerHeartbeat | undefined, final: BrokerStopped | undefined): void {
    if (final) this.#addLatency(final.latency);
    const subscribers = final?.subscribers ?? last?.subscribers ?? [];
    const counters = final?.counters ?? last?.counters ?? {};
    const peak = this.#peak(slot);
    this.#ended.push({
      slot,
      id,
      delivery: brokerDelivery(subscribers, final ? 'stopped' : 'failed'),
      subscribers,
      counters: { ...counters, peakQueuedBytes: peak.queuedBytes, peakMemory: peak.memory },
    });
  }

  deliveryCounts(live: readonly LiveInstance<BrokerHeartbeat>[]): DeliveryCounts {
    let total = emptyDeliveryCounts();
    for (const e of this.#ended) total = addDeliveryCounts(total, e.delivery);
    for (const i of live) if (i.last) total = addDeliveryCounts(total, brokerDelivery(i.last.subscribers, 'running'));
    return total;
  }

  interval(live: readonly LiveInstance<BrokerHeartbeat>[]): IntervalFigures {
    const subscribers = this.#subscriberFigures(live);
    const fast = createHistogram();
    this.#links.forEach((link, j) => {
      const h = this.#intervalLatency.get(link);
      if (h && this.#roles[j] === 'fast') fast.add(h);
    });
    this.#intervalLatency = new Map();
    const all = this.#counters(live, true);
    const system: Record<string, number> = {};
    for (const k of INTERVAL_COUNTERS) system[k] = all[k] ?? 0;
    return { endToEnd: fast, request: createHistogram(), requests: {}, extra: { links: subscribers, system } };
  }

  /** Loss per instance: holes no declared drop explains. */
  losses(drained: boolean): Loss[] {
    return this.#ended
      .filter((e) => e.delivery.lost > 0)
      .map((e) => ({ slot: e.slot, id: e.id, evidence: { lostRecords: e.delivery.lost, generated: e.delivery.generated, delivered: e.delivery.delivered, drained } }));
  }

  totals(live: readonly LiveInstance<BrokerHeartbeat>[]): { requests: Record<string, number>; system: Record<string, number> } {
    return { requests: {}, system: this.#counters(live, false) };
  }

  #peak(slot: number): { queuedBytes: number; memory: number } {
    let p = this.#peaks.get(slot);
    if (!p) this.#peaks.set(slot, (p = { queuedBytes: 0, memory: 0 }));
    return p;
  }

  /** Each subscribing client over every instance: this interval's latency, cumulative counts. */
  #subscriberFigures(live: readonly LiveInstance<BrokerHeartbeat>[]): LinkInterval[] {
    const states = [...this.#ended.map((e) => e.subscribers), ...live.map((i) => i.last?.subscribers ?? [])];
    return this.#links.map((link, j) => {
      const h = this.#intervalLatency.get(link) ?? createHistogram();
      // The counts are the `counts` columns of BROKER_LINK_TABLE.
      const counts = { dropped: 0, cut: 0, disconnected: 0, cutAt: 0 };
      const cutAt: number[] = [];
      let delivered = 0;
      for (const list of states) {
        const s = list.find((x) => x.link === link);
        if (!s) continue;
        delivered += s.delivered;
        counts.dropped += s.dropped;
        counts.cut += s.cut;
        if (s.disconnected) counts.disconnected += 1;
        if (s.disconnected && s.goneAt !== undefined) cutAt.push(s.goneAt - this.#context.origin());
      }
      if (cutAt.length > 0) counts.cutAt = Math.max(1, cutAt.reduce((a, b) => a + b, 0) / cutAt.length);
      return { name: link, role: this.#roles[j] ?? 'fast', latency: encodeHistogram(h), delivered, counts };
    });
  }

  /**
   * The broker counters over every instance that ran: sums, and maxima for the deepest queues and peaks.
   * `now`: queued figures are those of the running instances only (what is held now).
   */
  #counters(live: readonly LiveInstance<BrokerHeartbeat>[], now: boolean): Record<string, number> {
    const out: Record<string, number> = {};
    const add = (c: Record<string, number>): void => {
      for (const [k, v] of Object.entries(c)) out[k] = BROKER_MAX_COUNTERS.has(k) ? Math.max(out[k] ?? 0, v) : (out[k] ?? 0) + v;
    };
    for (const e of this.#ended) add(now ? { ...e.counters, queuedBytes: 0, queuedMessages: 0, publisherBacklog: 0 } : e.counters);
    for (const i of live) {
      const peak = this.#peak(i.slot);
      if (i.last) add({ ...i.last.counters, publisherBacklog: i.last.publisherBacklog, peakQueuedBytes: peak.queuedBytes, peakMemory: peak.memory });
    }
    return out;
  }

  #addLatency(latency: LatencyByLink): void {
    for (const [link, values] of Object.entries(latency)) {
      if (values.length === 0) continue;
      let h = this.#intervalLatency.get(link);
      if (!h) this.#intervalLatency.set(link, (h = createHistogram()));
      for (const ms of values) recordMs(h, ms);
    }
  }
}
