import { memoryUsage } from 'node:process';
import type { Proxy } from 'toxiproxy-node-client';
import type { FaultOccurrence } from '../faults/timeline.js';
import { buildTimeline } from '../faults/timeline.js';
import { createHistogram, encodeHistogram, recordMs, warmUpHistograms, type Histogram } from '../metrics/histogram.js';
import { brokerLinks } from '../scenario/links.js';
import type { BrokerConfig, Scenario } from '../scenario/types.js';
import type { DeliveryCounts } from '../sinks/ledger.js';
import { addDeliveryCounts, brokerDelivery, emptyDeliveryCounts, type GenerationEnd } from './broker-delivery.js';
import { BrokerWatch } from './broker-watch.js';
import type { CellRun } from './cell-run.js';
import type { ScaledClock } from './clock.js';
import type { FaultTargets } from './fault-applier.js';
import type { FaultLayer } from './fault-layer.js';
import { FaultSchedule } from './fault-schedule.js';
import type { BrokerHeartbeat, LatencyByLink, SubscriberState } from './isolation/broker-messages.js';
import { IsolatedInstance, type InstanceDeath } from './isolation/isolated-instance.js';
import type { CellInfo, FailureMode, JournalEvent, SubscriberInterval } from './journal-events.js';
import { deriveSeed } from './random.js';
import { subscriberRole, type SubscriberRole } from './subscriber-roles.js';
import type { Verdict } from './watchdog.js';

/** Wall ms between instance heartbeats, and between watchdog checks. */
const HEARTBEAT_WALL_MS = 50;
/**
 * Without `failures.memoryLimit`, a broker instance is failed (memory) at this much heap plus buffers:
 * message buffers live outside the V8 heap, so the worker's heap cap alone would not keep an `unbounded`
 * inbox from taking duress's memory with it.
 */
export const DEFAULT_BROKER_MEMORY_LIMIT = 256 * 2 ** 20;
/** Cap of a worker's V8 heap when the scenario sets no memory limit. */
const DEFAULT_HEAP_CAP_MB = 1024;
/** Wait before a slot tries again after an instance could not start (wall ms). */
const RELAUNCH_WALL_MS = 500;
/** Counters that are a maximum over instances, not a sum. */
const MAX_COUNTERS: ReadonlySet<string> = new Set(['deepestQueue', 'deepestQueueMessages', 'deepestQueueBytes', 'slotsOldestWaitMs', 'peakQueuedBytes', 'peakMemory']);
/** The broker counters each interval carries (its memory above all). */
const INTERVAL_COUNTERS = ['queuedBytes', 'queuedMessages', 'peakQueuedBytes', 'peakMemory', 'deepestQueueMessages', 'deepestQueueBytes', 'published', 'dropped', 'disconnected', 'subscribersLost', 'publisherBacklog', 'publisherPausedMs'];

interface Slot {
  index: number;
  /** The proxy route of each subscribing client, by link index; made when the first generation listens. */
  routes: Proxy[];
  generation: number;
  instance: IsolatedInstance<'broker'> | undefined;
  watch: BrokerWatch | undefined;
  startedAt: number;
  /** Scenario epoch ms until which a `pause` fault holds the slot's instance. */
  frozenUntil: number;
  /** Faults active on this slot now, by occurrence id. */
  active: Map<string, string>;
  /** Set while the slot's instance is being replaced, so only one failure is recorded. */
  replacing: boolean;
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
 * isolated in a worker thread (heap capped, memory watched), every subscribing client behind its own
 * proxy route on the run's fault layer (`subscriber-<j>`, `peer-<k>`: the links faults name), the
 * watchdog (hang: nothing delivered while publishers keep trying; memory), renewals after each failure,
 * and the fault timeline.
 *
 * The journal gets the same events as a forwarder cell. Delivery counts are the broker's own accounting
 * mapped to the ledger's terms (broker-delivery.ts). The interval's end-to-end latency is that of the
 * **fast** subscribers only, those with no fault on their link in the scenario (subscriber-roles.ts):
 * the head-of-line cost a slow or dead subscriber puts on everyone else. Each subscribing client's own
 * latency and counts go in the interval's `subscribers`, and the broker's memory in its `system`.
 */
export class BrokerCellRunner implements CellRun {
  readonly info: CellInfo;
  readonly scenario: Scenario;
  readonly #system: BrokerConfig;
  readonly #links: string[];
  readonly #roles: SubscriberRole[];
  readonly #clock: ScaledClock;
  readonly #layer: FaultLayer;
  readonly #journal: (e: JournalEvent) => void;
  readonly #slots: Slot[] = [];
  readonly #ended: Ended[] = [];
  readonly #faults: FaultSchedule;
  readonly #memoryLimit: number;
  #intervalLatency = new Map<string, Histogram>();
  #watchTimer: NodeJS.Timeout | undefined;
  #startAt = 0;
  #lastWatchWall = performance.now();
  #exposureClosed = 0;
  #failures = 0;
  #stopping = false;
  readonly #pendingRenewals = new Set<Promise<void>>();
  timeline: FaultOccurrence[] = [];

  constructor(info: CellInfo, scenario: Scenario, clock: ScaledClock, layer: FaultLayer, journal: (e: JournalEvent) => void) {
    if (scenario.system.kind !== 'broker') throw new Error(`BrokerCellRunner runs broker cells, not ${scenario.system.kind}`);
    this.info = info;
    this.scenario = scenario;
    this.#system = scenario.system;
    this.#links = brokerLinks(scenario.system);
    this.#roles = this.#links.map((l) => subscriberRole(l, scenario.faults));
    this.#clock = clock;
    this.#layer = layer;
    this.#journal = journal;
    this.#memoryLimit = scenario.failures.memoryLimit > 0 ? scenario.failures.memoryLimit : DEFAULT_BROKER_MEMORY_LIMIT;
    this.#faults = new FaultSchedule({
      clock,
      cell: info.index,
      at: () => this.at(),
      journal,
      targets: this.#targets(),
      duration: scenario.duration,
      mark: (slot, id, description) => {
        const active = this.#slots[slot]?.active;
        if (description === undefined) active?.delete(id);
        else active?.set(id, description);
      },
    });
  }

  at(): number {
    return this.#clock.now() - this.#startAt;
  }

  async start(): Promise<void> {
    const s = this.scenario;
    warmUpHistograms();
    for (let i = 0; i < s.instances; i++) {
      this.#slots.push({ index: i, routes: [], generation: 0, instance: undefined, watch: undefined, startedAt: 0, frozenUntil: 0, active: new Map(), replacing: false, peakQueuedBytes: 0, peakMemory: 0 });
    }
    this.#startAt = this.#clock.now();
    this.#journal({ t: 'cell-start', cell: this.info.index, wall: new Date().toISOString() });
    await Promise.all(this.#slots.map((slot) => this.#launch(slot)));
    // The cell's time starts once its instances run: booting them is not part of the load or the timeline.
    this.#startAt = this.#clock.now();
    for (const slot of this.#slots) slot.startedAt = Math.max(slot.startedAt, this.#startAt);
    // Every cell faces the same world: the timeline depends on the seed, not on the cell (as in a forwarder cell).
    this.timeline = buildTimeline(s.faults, { seed: deriveSeed(s.seed, 'timeline'), duration: s.duration, instances: s.instances });
    this.#faults.schedule(this.timeline);
    this.#watchTimer = setInterval(() => this.#watch(), HEARTBEAT_WALL_MS);
    this.#watchTimer.unref();
  }

  stopInput(): void {
    for (const slot of this.#slots) slot.instance?.stopInput();
  }

  drained(): boolean {
    return this.#slots.every((s) => !s.replacing && (s.instance?.last?.drained ?? false));
  }

  interval(): void {
    this.#writeInterval(this.at());
  }

  exposure(): number {
    let open = 0;
    const now = this.#clock.now();
    for (const s of this.#slots) if (s.instance && !s.replacing) open += now - s.startedAt;
    return this.#exposureClosed + open;
  }

  get failureCount(): number {
    return this.#failures;
  }

  deliveryCounts(): DeliveryCounts {
    let total = emptyDeliveryCounts();
    for (const e of this.#ended) total = addDeliveryCounts(total, e.delivery);
    for (const i of this.#live()) if (i.last) total = addDeliveryCounts(total, brokerDelivery(i.last.subscribers, 'running'));
    return total;
  }

  /**
   * Stops the cell: every fault is lifted, every instance stops and reports what it still had on the way
   * (undrained), loss is judged per instance (holes no declared drop explains), and the cell ends.
   */
  async stop(drained: boolean): Promise<void> {
    this.#stopping = true;
    clearInterval(this.#watchTimer);
    await Promise.allSettled(this.#pendingRenewals);
    await this.#faults.stop();
    await Promise.all(
      this.#slots.map(async (slot) => {
        const inst = slot.instance;
        if (!inst) return;
        this.#exposureClosed += this.#clock.now() - slot.startedAt;
        slot.instance = undefined;
        const final = await inst.stop();
        if (final) {
          this.#addLatency(final.latency);
          this.#end(slot, inst.id, 'stopped', final.subscribers, final.counters);
        } else this.#end(slot, inst.id, 'failed', inst.last?.subscribers ?? [], inst.last?.counters ?? {});
        this.#journal({ t: 'instance-end', cell: this.info.index, slot: slot.index, id: inst.id, at: this.at(), reason: 'stopped' });
      }),
    );
    this.#writeInterval(this.at());
    for (const e of this.#ended) {
      if (e.delivery.lost > 0) {
        this.#record(e.slot, e.id, 'loss', { lostRecords: e.delivery.lost, generated: e.delivery.generated, delivered: e.delivery.delivered, drained }, []);
      }
    }
    this.#journal({ t: 'cell-end', cell: this.info.index, at: this.at(), drained, delivery: this.deliveryCounts(), requests: {}, system: this.#counters(false), sink: {} });
  }

  #live(): IsolatedInstance<'broker'>[] {
    return this.#slots.flatMap((s) => (s.instance && !s.replacing ? [s.instance] : []));
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
    for (const s of this.#slots) maxMemory = Math.max(maxMemory, s.instance?.last?.memoryUsed ?? 0);
    const all = this.#counters(true);
    const system: Record<string, number> = {};
    for (const k of INTERVAL_COUNTERS) system[k] = all[k] ?? 0;
    this.#journal({
      t: 'interval',
      cell: this.info.index,
      at,
      wallMs: this.#clock.toWall(at),
      delivery: this.deliveryCounts(),
      exposureMs: this.exposure(),
      failures: this.#failures,
      endToEnd: encodeHistogram(fast),
      request: encodeHistogram(createHistogram()),
      requests: {},
      rss: memoryUsage.rss(),
      maxInstanceMemory: maxMemory,
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
    for (const slot of this.#slots) {
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

  /** Keeps what an instance left: its delivery, its subscribers, its counters with its peaks. */
  #end(slot: Slot, id: string, end: GenerationEnd, subscribers: SubscriberState[], counters: Record<string, number>): void {
    this.#ended.push({
      slot: slot.index,
      id,
      delivery: brokerDelivery(subscribers, end),
      subscribers,
      counters: { ...counters, peakQueuedBytes: slot.peakQueuedBytes, peakMemory: slot.peakMemory },
    });
  }

  async #launch(slot: Slot): Promise<void> {
    const s = this.scenario;
    const id = `c${this.info.index}s${slot.index}g${slot.generation}`;
    const heapLimitMb = s.failures.memoryLimit > 0 ? Math.max(32, Math.ceil((s.failures.memoryLimit * 1.5) / 2 ** 20)) : DEFAULT_HEAP_CAP_MB;
    const instance = new IsolatedInstance<'broker'>(
      {
        kind: 'broker',
        id,
        system: this.#system,
        clock: this.#clock.spec(),
        seed: deriveSeed(s.seed, 'cell', this.info.index, 'slot', slot.index, 'gen', slot.generation),
        heartbeatWallMs: HEARTBEAT_WALL_MS,
        freeze: new SharedArrayBuffer(4),
      },
      heapLimitMb,
    );
    instance.on('listening', (port) => {
      this.#route(slot, port).then(
        (ports) => instance.routes(ports),
        // Without routes the worker cannot connect its subscribers and fails to start: a crash at start.
        () => instance.routes([]),
      );
    });
    instance.on('heartbeat', (hb) => this.#onHeartbeat(slot, instance, hb));
    instance.on('died', (death) => this.#onDeath(slot, instance, death));
    slot.peakQueuedBytes = 0;
    slot.peakMemory = 0;
    try {
      await instance.start();
    } catch (err) {
      this.#record(slot.index, id, 'crash', { phase: 'start', error: err instanceof Error ? (err.stack ?? err.message) : String(err) }, [...slot.active].map(([fid, d]) => ({ id: fid, description: d })));
      slot.generation += 1;
      if (this.#stopping) return;
      await new Promise((r) => setTimeout(r, RELAUNCH_WALL_MS));
      if (!this.#stopping) return this.#launch(slot);
      return;
    }
    slot.instance = instance;
    slot.startedAt = this.#clock.now();
    slot.watch = new BrokerWatch(slot.startedAt, s.failures.hangWindow, this.#memoryLimit);
    slot.replacing = false;
    this.#journal({ t: 'instance-start', cell: this.info.index, slot: slot.index, id, at: Math.max(0, this.at()) });
  }

  /**
   * Points the slot's routes at a generation's broker: made on the first, re-pointed for each renewal
   * (keeping their toxics and whether they are down). Resolves with the routes' ports, by link.
   */
  async #route(slot: Slot, port: number): Promise<number[]> {
    const upstream = `127.0.0.1:${port}`;
    if (slot.routes.length === 0) {
      for (const link of this.#links) slot.routes.push((await this.#layer.route(`cell${this.info.index}-slot${slot.index}-${link}`, upstream)).proxy);
    } else {
      slot.routes = await Promise.all(
        slot.routes.map(async (r) => {
          const now = await this.#layer.client.get(r.name);
          return now.update({ enabled: now.enabled, listen: now.listen, upstream });
        }),
      );
    }
    return slot.routes.map((r) => Number(r.listen.slice(r.listen.lastIndexOf(':') + 1)));
  }

  #onHeartbeat(slot: Slot, instance: IsolatedInstance<'broker'>, hb: BrokerHeartbeat): void {
    // Latency is measured whoever the instance is now: deliveries of a failing instance happened.
    this.#addLatency(hb.latency);
    if (slot.instance !== instance) return;
    slot.watch?.heartbeat(this.#clock.now());
    slot.peakQueuedBytes = Math.max(slot.peakQueuedBytes, hb.counters.queuedBytes ?? 0);
    slot.peakMemory = Math.max(slot.peakMemory, hb.memoryUsed);
  }

  #watch(): void {
    if (this.#stopping) return;
    const now = this.#clock.now();
    const wall = performance.now();
    // If duress itself was stalled, heartbeats waited in its queue: silence is not the instances' fault.
    const stalled = wall - this.#lastWatchWall > HEARTBEAT_WALL_MS * 5;
    this.#lastWatchWall = wall;
    for (const slot of this.#slots) {
      if (stalled) slot.watch?.heartbeat(now);
      const inst = slot.instance;
      if (!inst || !slot.watch || slot.replacing) continue;
      const verdict = slot.watch.check(now, inst.last, now < slot.frozenUntil);
      if (verdict) this.#fail(slot, inst, verdict);
    }
  }

  #onDeath(slot: Slot, instance: IsolatedInstance<'broker'>, death: InstanceDeath): void {
    if (slot.instance !== instance || this.#stopping) return;
    const verdict: Verdict =
      death.kind === 'error'
        ? { mode: death.outOfMemory ? 'memory' : 'crash', evidence: { error: death.error.message, stack: death.error.stack ?? '', code: (death.error as { code?: string }).code ?? null } }
        : { mode: 'crash', evidence: { exitCode: death.code } };
    this.#fail(slot, instance, verdict);
  }

  /** Records a failure, tears the instance down and starts a fresh one in its slot. */
  #fail(slot: Slot, instance: IsolatedInstance<'broker'>, verdict: Verdict): void {
    if (slot.replacing || this.#stopping) return;
    slot.replacing = true;
    this.#exposureClosed += this.#clock.now() - slot.startedAt;
    const faults = [...slot.active].map(([id, description]) => ({ id, description }));
    this.#record(slot.index, instance.id, verdict.mode, verdict.evidence, faults);
    this.#end(slot, instance.id, 'failed', instance.last?.subscribers ?? [], instance.last?.counters ?? {});
    this.#journal({ t: 'instance-end', cell: this.info.index, slot: slot.index, id: instance.id, at: this.at(), reason: 'failed' });
    slot.instance = undefined;
    const renewal = instance
      .kill()
      .then(async () => {
        slot.generation += 1;
        if (!this.#stopping) await this.#launch(slot);
      })
      .finally(() => this.#pendingRenewals.delete(renewal));
    this.#pendingRenewals.add(renewal);
  }

  #record(slot: number, id: string, mode: FailureMode, evidence: Record<string, unknown>, faults: { id: string; description: string }[]): void {
    this.#failures += 1;
    this.#journal({ t: 'failure', cell: this.info.index, slot, id, at: this.at(), mode, evidence, faults });
  }

  #targets(): FaultTargets {
    return {
      toxicSpeed: this.#layer.toxicSpeed,
      route: (slot, link) => {
        const j = this.#links.indexOf(link ?? '');
        if (j < 0) throw new Error(`a broker fault needs one of the links ${this.#links.join(', ')}, not ${link ?? 'none'}`);
        const route = this.#slots[slot]?.routes[j];
        if (!route) throw new Error(`the route of ${link} in slot ${slot} is not up yet`);
        return route;
      },
      dnsName: () => '',
      stream: () => '',
      kill: (slot, occurrence) => {
        const s = this.#slots[slot];
        if (s?.instance && !s.replacing) this.#fail(s, s.instance, { mode: 'crash', evidence: { reason: `killed by the fault ${occurrence}` } });
      },
      freeze: (slot, scenarioMs) => {
        const s = this.#slots[slot];
        if (!s?.instance) return;
        s.frozenUntil = Math.max(s.frozenUntil, this.#clock.now() + scenarioMs);
        s.instance.freeze(this.#clock.toWall(scenarioMs));
      },
    };
  }
}
