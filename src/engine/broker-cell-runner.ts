import { memoryUsage } from 'node:process';
import type { Proxy } from 'toxiproxy-node-client';
import { createHistogram, encodeHistogram, recordMs, warmUpHistograms, type Histogram } from '../metrics/histogram.js';
import { brokerLinks } from '../scenario/links.js';
import type { BrokerConfig, Scenario } from '../scenario/types.js';
import type { DeliveryCounts } from '../delivery/ledger.js';
import { addDeliveryCounts, brokerDelivery, emptyDeliveryCounts } from './broker-delivery.js';
import { BrokerWatch } from './broker-watch.js';
import type { ScaledClock } from '../core/clock.js';
import type { FaultTargets } from './fault-applier.js';
import type { FaultLayer } from './fault-layer.js';
import type { BrokerHeartbeat, BrokerStopped, LatencyByLink, SubscriberState } from './isolation/broker-messages.js';
import { IsolatedInstance } from './isolation/isolated-instance.js';
import type { CellInfo, JournalEvent, SubscriberInterval } from '../journal/events.js';
import { HEARTBEAT_WALL_MS, slotBase, SlotRunner, type Slot } from './slot-runner.js';
import { subscriberRole, type SubscriberRole } from './subscriber-roles.js';
import type { Verdict } from './watchdog.js';

/**
 * Without `failures.memoryLimit`, a broker instance is failed (memory) at this much heap plus buffers:
 * message buffers live outside the V8 heap, so the worker's heap cap alone would not keep an `unbounded`
 * inbox from taking duress's memory with it.
 */
export const DEFAULT_BROKER_MEMORY_LIMIT = 256 * 2 ** 20;
/** Counters that are a maximum over instances, not a sum. */
const MAX_COUNTERS: ReadonlySet<string> = new Set(['deepestQueue', 'deepestQueueMessages', 'deepestQueueBytes', 'slotsOldestWaitMs', 'peakQueuedBytes', 'peakMemory']);
/** The broker counters each interval carries (its memory above all). */
const INTERVAL_COUNTERS = ['queuedBytes', 'queuedMessages', 'peakQueuedBytes', 'peakMemory', 'deepestQueueMessages', 'deepestQueueBytes', 'published', 'dropped', 'disconnected', 'subscribersLost', 'publisherBacklog', 'publisherPausedMs'];

interface BrokerSlot extends Slot<'broker', BrokerWatch> {
  /** The proxy route of each subscribing client, by link index; made when the first generation listens. */
  routes: Proxy[];
  /** Of the current generation: the most queued bytes and memory seen. */
  peakQueuedBytes: number;
  peakMemory: number;
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
 * Runs one cell of a broker scenario: per instance slot, a broker with its publishers and subscribers
 * isolated in a worker thread (slot-runner.ts does the instances' life), every subscribing client behind its own
 * proxy route on the run's fault layer (`subscriber-<j>`, `peer-<k>`: the links faults name), and the
 * watchdog (hang: nothing delivered while publishers keep trying; memory).
 *
 * The journal gets the same events as a forwarder cell. Delivery counts are the broker's own accounting
 * mapped to the ledger's terms (broker-delivery.ts). The interval's end-to-end latency is that of the
 * **fast** subscribers only, those with no fault on their link in the scenario (subscriber-roles.ts):
 * the head-of-line cost a slow or dead subscriber puts on everyone else. Each subscribing client's own
 * latency and counts go in the interval's `subscribers`, and the broker's memory in its `system`.
 */
export class BrokerCellRunner extends SlotRunner<'broker', BrokerWatch, BrokerSlot> {
  readonly #system: BrokerConfig;
  readonly #links: string[];
  readonly #roles: SubscriberRole[];
  readonly #ended: Ended[] = [];
  readonly #memoryLimit: number;
  #intervalLatency = new Map<string, Histogram>();

  constructor(info: CellInfo, scenario: Scenario, clock: ScaledClock, layer: FaultLayer, journal: (e: JournalEvent) => void) {
    super(info, scenario, clock, layer, journal, 32);
    if (scenario.system.kind !== 'broker') throw new Error(`BrokerCellRunner runs broker cells, not ${scenario.system.kind}`);
    this.#system = scenario.system;
    this.#links = brokerLinks(scenario.system);
    this.#roles = this.#links.map((l) => subscriberRole(l, scenario.faults));
    this.#memoryLimit = scenario.failures.memoryLimit > 0 ? scenario.failures.memoryLimit : DEFAULT_BROKER_MEMORY_LIMIT;
  }

  protected open(): Promise<BrokerSlot[]> {
    warmUpHistograms();
    return Promise.resolve(Array.from({ length: this.scenario.instances }, (_, i) => ({ ...slotBase<'broker', BrokerWatch>(i), routes: [], peakQueuedBytes: 0, peakMemory: 0 })));
  }

  protected spawn(slot: BrokerSlot, id: string, seed: number, heapLimitMb: number): IsolatedInstance<'broker'> {
    const instance = new IsolatedInstance<'broker'>(
      { kind: 'broker', id, system: this.#system, clock: this.clock.spec(), seed, heartbeatWallMs: HEARTBEAT_WALL_MS, freeze: new SharedArrayBuffer(4) },
      heapLimitMb,
    );
    instance.on('listening', (port) => {
      this.#route(slot, port).then(
        (ports) => instance.routes(ports),
        // Without routes the worker cannot connect its subscribers and fails to start: a crash at start.
        () => instance.routes([]),
      );
    });
    slot.peakQueuedBytes = 0;
    slot.peakMemory = 0;
    return instance;
  }

  protected watchFor(startedAt: number): BrokerWatch {
    return new BrokerWatch(startedAt, this.scenario.failures.hangWindow, this.#memoryLimit);
  }

  protected heartbeat(slot: BrokerSlot, _instance: IsolatedInstance<'broker'>, hb: BrokerHeartbeat, current: boolean): void {
    // Latency is measured whoever the instance is now: deliveries of a failing instance happened.
    this.#addLatency(hb.latency);
    if (!current) return;
    slot.peakQueuedBytes = Math.max(slot.peakQueuedBytes, hb.counters.queuedBytes ?? 0);
    slot.peakMemory = Math.max(slot.peakMemory, hb.memoryUsed);
  }

  protected check(slot: BrokerSlot, instance: IsolatedInstance<'broker'>, now: number): Verdict | undefined {
    return slot.watch?.check(now, instance.last, now < slot.frozenUntil);
  }

  /** Keeps what an instance left: its delivery, its subscribers, its counters with its peaks. */
  protected ended(slot: BrokerSlot, instance: IsolatedInstance<'broker'>, final: BrokerStopped | undefined): void {
    if (final) this.#addLatency(final.latency);
    const subscribers = final?.subscribers ?? instance.last?.subscribers ?? [];
    const counters = final?.counters ?? instance.last?.counters ?? {};
    this.#ended.push({
      slot: slot.index,
      id: instance.id,
      delivery: brokerDelivery(subscribers, final ? 'stopped' : 'failed'),
      subscribers,
      counters: { ...counters, peakQueuedBytes: slot.peakQueuedBytes, peakMemory: slot.peakMemory },
    });
  }

  /** Judges loss per instance (holes no declared drop explains) and ends the cell. */
  protected close(drained: boolean): Promise<void> {
    this.#writeInterval(this.at());
    for (const e of this.#ended) {
      if (e.delivery.lost > 0) {
        this.record(e.slot, e.id, 'loss', { lostRecords: e.delivery.lost, generated: e.delivery.generated, delivered: e.delivery.delivered, drained }, []);
      }
    }
    this.journal({ t: 'cell-end', cell: this.info.index, at: this.at(), drained, delivery: this.deliveryCounts(), requests: {}, system: this.#counters(false), sink: {} });
    return Promise.resolve();
  }

  protected targets(): Omit<FaultTargets, 'toxicSpeed' | 'kill' | 'freeze'> {
    return {
      route: (slot, link) => {
        const j = this.#links.indexOf(link ?? '');
        if (j < 0) throw new Error(`a broker fault needs one of the links ${this.#links.join(', ')}, not ${link ?? 'none'}`);
        const route = this.slots[slot]?.routes[j];
        if (!route) throw new Error(`the route of ${link} in slot ${slot} is not up yet`);
        return route;
      },
      dnsName: () => '',
      stream: () => '',
    };
  }

  interval(): void {
    this.#writeInterval(this.at());
  }

  deliveryCounts(): DeliveryCounts {
    let total = emptyDeliveryCounts();
    for (const e of this.#ended) total = addDeliveryCounts(total, e.delivery);
    for (const i of this.#live()) if (i.last) total = addDeliveryCounts(total, brokerDelivery(i.last.subscribers, 'running'));
    return total;
  }

  #live(): IsolatedInstance<'broker'>[] {
    return this.slots.flatMap((s) => (s.instance && !s.replacing ? [s.instance] : []));
  }

  #writeInterval(at: number): void {
    const subscribers = this.#subscriberFigures();
    const fast = createHistogram();
    this.#links.forEach((link, j) => {
      const h = this.#intervalLatency.get(link);
      if (h && this.#roles[j] === 'fast') fast.add(h);
    });
    this.#intervalLatency = new Map();
    let maxMemory = 0;
    for (const s of this.slots) maxMemory = Math.max(maxMemory, s.instance?.last?.memoryUsed ?? 0);
    const all = this.#counters(true);
    const system: Record<string, number> = {};
    for (const k of INTERVAL_COUNTERS) system[k] = all[k] ?? 0;
    this.journal({
      t: 'interval',
      cell: this.info.index,
      at,
      wallMs: this.clock.toWall(at),
      delivery: this.deliveryCounts(),
      exposureMs: this.exposure(),
      failures: this.failureCount,
      endToEnd: encodeHistogram(fast),
      request: encodeHistogram(createHistogram()),
      requests: {},
      rss: memoryUsage.rss(),
      maxInstanceMemory: maxMemory,
      lag: this.takeLag(),
      subscribers,
      system,
    });
  }

  /** Each subscribing client over every instance: this interval's latency, cumulative counts. */
  #subscriberFigures(): SubscriberInterval[] {
    const states = [...this.#ended.map((e) => e.subscribers), ...this.#live().map((i) => i.last?.subscribers ?? [])];
    return this.#links.map((link, j) => {
      const h = this.#intervalLatency.get(link) ?? createHistogram();
      const f: SubscriberInterval = { name: link, role: this.#roles[j] ?? 'fast', latency: encodeHistogram(h), delivered: 0, dropped: 0, cut: 0, disconnected: 0 };
      for (const list of states) {
        const s = list.find((x) => x.link === link);
        if (!s) continue;
        f.delivered += s.delivered;
        f.dropped += s.dropped;
        f.cut += s.cut;
        if (s.disconnected) f.disconnected += 1;
      }
      return f;
    });
  }

  /**
   * The broker counters over every instance that ran: sums, and maxima for the deepest queues and peaks.
   * `now`: queued figures are those of the running instances only (what is held now).
   */
  #counters(now: boolean): Record<string, number> {
    const out: Record<string, number> = {};
    const add = (c: Record<string, number>): void => {
      for (const [k, v] of Object.entries(c)) out[k] = MAX_COUNTERS.has(k) ? Math.max(out[k] ?? 0, v) : (out[k] ?? 0) + v;
    };
    for (const e of this.#ended) add(now ? { ...e.counters, queuedBytes: 0, queuedMessages: 0, publisherBacklog: 0 } : e.counters);
    for (const slot of this.slots) {
      const last = slot.instance && !slot.replacing ? slot.instance.last : undefined;
      if (last) add({ ...last.counters, publisherBacklog: last.publisherBacklog, peakQueuedBytes: slot.peakQueuedBytes, peakMemory: slot.peakMemory });
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

  /**
   * Points the slot's routes at a generation's broker: made on the first, re-pointed for each renewal
   * (keeping their toxics and whether they are down). Resolves with the routes' ports, by link.
   */
  async #route(slot: BrokerSlot, port: number): Promise<number[]> {
    const upstream = `127.0.0.1:${port}`;
    if (slot.routes.length === 0) {
      for (const link of this.#links) slot.routes.push((await this.layer.route(`cell${this.info.index}-slot${slot.index}-${link}`, upstream)).proxy);
    } else {
      slot.routes = await Promise.all(
        slot.routes.map(async (r) => {
          const now = await this.layer.client.get(r.name);
          return now.update({ enabled: now.enabled, listen: now.listen, upstream });
        }),
      );
    }
    return slot.routes.map((r) => Number(r.listen.slice(r.listen.lastIndexOf(':') + 1)));
  }
}
