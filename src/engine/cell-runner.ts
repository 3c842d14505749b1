import { memoryUsage } from 'node:process';
import type { Proxy } from 'toxiproxy-node-client';
import { createDnsServer, type DnsServer } from '../faults/dns-server.js';
import type { FaultOccurrence } from '../faults/timeline.js';
import { buildTimeline } from '../faults/timeline.js';
import { createHistogram, encodeHistogram, recordMs, type Histogram } from '../metrics/histogram.js';
import type { ForwarderConfig, Scenario } from '../scenario/types.js';
import { createCloudWatchSink, type CloudWatchSink } from '../sinks/cloudwatch/server.js';
import { DeliveryLedger, type DeliveryCounts } from '../sinks/ledger.js';
import type { CellRun } from './cell-run.js';
import type { ScaledClock } from './clock.js';
import type { FaultTargets } from './fault-applier.js';
import { FaultSchedule } from './fault-schedule.js';
import type { FaultLayer } from './fault-layer.js';
import type { Heartbeat } from './isolation/instance-messages.js';
import { IsolatedInstance, type InstanceDeath } from './isolation/isolated-instance.js';
import type { CellInfo, FailureMode, JournalEvent } from './journal-events.js';
import { deriveSeed } from './random.js';
import { InstanceWatch, type Verdict } from './watchdog.js';

/** The DNS name each instance resolves to reach its sink: `i<slot>.sink.duress.test`. */
const SINK_DOMAIN = 'sink.duress.test';
/** Wall ms between instance heartbeats, and between watchdog checks. */
const HEARTBEAT_WALL_MS = 50;
/** A worker's heap is capped at this when the scenario sets no memory limit, so a runaway cannot take duress down. */
const DEFAULT_HEAP_CAP_MB = 1024;

interface Slot {
  index: number;
  stream: string;
  route: Proxy;
  origin: string;
  generation: number;
  instance: IsolatedInstance | undefined;
  watch: InstanceWatch | undefined;
  startedAt: number;
  /** Scenario epoch ms until which a `pause` fault holds the slot's instance. */
  frozenUntil: number;
  /** Faults active on this slot now, by occurrence id. */
  active: Map<string, string>;
  /** Set while the slot's instance is being replaced, so only one failure is recorded. */
  replacing: boolean;
}

/**
 * Runs one cell of a forwarder scenario for its duration: its own mock sink, DNS fault server and
 * ledger; a proxy route per instance slot on the run's fault layer; each instance isolated in a worker
 * thread and watched. A failed instance is recorded with the faults active on it, torn down and replaced
 * by a fresh one in the same slot (a renewal process), so the cell accumulates exposure and failures.
 */
export class CellRunner implements CellRun {
  readonly info: CellInfo;
  readonly scenario: Scenario;
  readonly #system: ForwarderConfig;
  readonly ledger = new DeliveryLedger();
  readonly sink: CloudWatchSink;
  readonly dns: DnsServer;
  readonly #clock: ScaledClock;
  readonly #layer: FaultLayer;
  readonly #journal: (e: JournalEvent) => void;
  readonly #slots: Slot[] = [];
  readonly #requestLatency: Histogram = createHistogram();
  #intervalRequest: Histogram = createHistogram();
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #faults: FaultSchedule;
  #startAt = 0;
  #lastWatchWall = performance.now();
  #exposureClosed = 0;
  #failures = 0;
  #stopping = false;
  #stoppedCounters: Record<string, number>[] = [];
  #pendingRenewals = new Set<Promise<void>>();
  timeline: FaultOccurrence[] = [];

  constructor(info: CellInfo, scenario: Scenario, clock: ScaledClock, layer: FaultLayer, journal: (e: JournalEvent) => void) {
    if (scenario.system.kind !== 'forwarder') throw new Error(`CellRunner runs forwarder cells, not ${scenario.system.kind}`);
    this.info = info;
    this.scenario = scenario;
    this.#system = scenario.system;
    this.#clock = clock;
    this.#layer = layer;
    this.#journal = journal;
    this.sink = createCloudWatchSink({ ...scenario.sink, host: '127.0.0.1', port: 0 }, clock);
    // The ledger's work is kept off the answer's path (receivedAt was taken when the batch was stored).
    this.sink.onAccepted((batch) => setImmediate(() => this.ledger.deliveredEvents(batch.events, batch.receivedAt)));
    this.dns = createDnsServer({ host: '127.0.0.1', port: 0, clock, records: {} });
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

  /** Scenario ms since the cell started. */
  at(): number {
    return this.#clock.now() - this.#startAt;
  }

  async start(): Promise<void> {
    const sinkAddress = await this.sink.start();
    const dnsAddress = await this.dns.start();
    const s = this.scenario;
    for (let i = 0; i < s.instances; i++) {
      const { proxy, port } = await this.#layer.route(`cell${this.info.index}-slot${i}`, `127.0.0.1:${sinkAddress.port}`);
      const host = `i${i}.${SINK_DOMAIN}`;
      this.dns.setRecord(host, ['127.0.0.1']);
      this.#slots.push({
        index: i,
        stream: `${this.#system.output.logStreamPrefix}${i}`,
        route: proxy,
        origin: `http://${host}:${port}`,
        generation: 0,
        instance: undefined,
        watch: undefined,
        startedAt: 0,
        frozenUntil: 0,
        active: new Map(),
        replacing: false,
      });
    }
    this.#dnsAddress = dnsAddress;
    this.#startAt = this.#clock.now();
    this.#journal({ t: 'cell-start', cell: this.info.index, wall: new Date().toISOString() });
    await Promise.all(this.#slots.map((slot) => this.#launch(slot)));
    // The cell's time starts once its instances run: booting them is not part of the load or the timeline.
    this.#startAt = this.#clock.now();
    for (const slot of this.#slots) slot.startedAt = Math.max(slot.startedAt, this.#startAt);
    // Every cell faces the same world: the timeline depends on the seed, not on the cell, so variants compare fairly.
    this.timeline = buildTimeline(s.faults, { seed: deriveSeed(s.seed, 'timeline'), duration: s.duration, instances: s.instances });
    this.#faults.schedule(this.timeline);
    this.#every(HEARTBEAT_WALL_MS, () => this.#watch(), true);
  }

  #dnsAddress: { host: string; port: number } | undefined;

  /** Ends the load: stops every instance's input (faults stay as they are). */
  stopInput(): void {
    for (const slot of this.#slots) slot.instance?.stopInput();
  }

  drained(): boolean {
    return this.#slots.every((s) => s.replacing === false && (s.instance?.last?.drained ?? false));
  }

  /** A metrics interval: the journal gets cumulative counts and this interval's histograms. */
  interval(): void {
    let maxMemory = 0;
    for (const s of this.#slots) maxMemory = Math.max(maxMemory, s.instance?.last?.memoryUsed ?? 0);
    const e2e = this.ledger.takeIntervalLatency();
    const req = this.#intervalRequest;
    this.#intervalRequest = createHistogram();
    this.#journal({
      t: 'interval',
      cell: this.info.index,
      at: this.at(),
      wallMs: this.#clock.toWall(this.at()),
      delivery: this.ledger.counts(),
      exposureMs: this.exposure(),
      failures: this.#failures,
      endToEnd: encodeHistogram(e2e),
      request: encodeHistogram(req),
      requests: this.counters().requests,
      rss: memoryUsage.rss(),
      maxInstanceMemory: maxMemory,
    });
  }

  /** Running time of all instances so far, scenario ms. */
  exposure(): number {
    let open = 0;
    const now = this.#clock.now();
    for (const s of this.#slots) if (s.instance && !s.replacing) open += now - s.startedAt;
    return this.#exposureClosed + open;
  }

  /**
   * Stops the cell: every fault is lifted, every instance is asked to stop and report what it still holds
   * (undrained), loss is judged per instance, and the sink and DNS server close.
   */
  async stop(drained: boolean): Promise<void> {
    this.#stopping = true;
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    // Stopping the schedule cancels every fault not yet started at once; active ones are lifted after the renewals.
    const faultsLifted = this.#faults.stop();
    await Promise.allSettled(this.#pendingRenewals);
    await faultsLifted;
    await Promise.all(
      this.#slots.map(async (slot) => {
        const inst = slot.instance;
        if (!inst) return;
        this.#exposureClosed += this.#clock.now() - slot.startedAt;
        slot.instance = undefined;
        const final = await inst.stop();
        if (inst.last) this.#stoppedCounters.push(inst.last.counters);
        if (final) {
          this.ledger.generated(inst.id, final.generated);
          this.ledger.declareDropped(inst.id, final.dropped);
          this.ledger.declareUndrained(inst.id, final.undrained);
        } else {
          this.ledger.markFailed(inst.id);
        }
        this.#journal({ t: 'instance-end', cell: this.info.index, slot: slot.index, id: inst.id, at: this.at(), reason: 'stopped' });
      }),
    );
    await this.sink.stop();
    await this.dns.stop();
    this.interval();
    // Silent loss is judged once everything is stopped: each instance that lost records is one failure.
    for (const source of this.ledger.sources()) {
      const c = this.ledger.counts(source);
      if (c.lost > 0) {
        const slot = Number(/s(\d+)g/.exec(source)?.[1] ?? -1);
        this.#record(slot, source, 'loss', { lostRecords: c.lost, generated: c.generated, delivered: c.delivered, drained }, []);
      }
    }
    this.#journal({
      t: 'cell-end',
      cell: this.info.index,
      at: this.at(),
      drained,
      delivery: this.ledger.counts(),
      ...this.counters(),
      sink: structuredClone(this.sink.counters) as unknown as Record<string, unknown>,
    });
  }

  /** Request outcomes and system counters, summed over the instances that ran. */
  counters(): { requests: Record<string, number>; system: Record<string, number> } {
    const requests: Record<string, number> = {};
    const system: Record<string, number> = {};
    const all = [...this.#stoppedCounters, ...this.#slots.flatMap((s) => (s.instance?.last ? [s.instance.last.counters] : []))];
    for (const counters of all) {
      for (const [k, v] of Object.entries(counters)) {
        if (k.startsWith('requests.')) requests[k.slice(9)] = (requests[k.slice(9)] ?? 0) + v;
        else system[k] = (system[k] ?? 0) + v;
      }
    }
    return { requests, system };
  }

  get failureCount(): number {
    return this.#failures;
  }

  deliveryCounts(): DeliveryCounts {
    return this.ledger.counts();
  }

  get requestLatency(): Histogram {
    return this.#requestLatency;
  }

  async #launch(slot: Slot): Promise<void> {
    const s = this.scenario;
    const id = `c${this.info.index}s${slot.index}g${slot.generation}`;
    this.ledger.register(id);
    const heapLimitMb = s.failures.memoryLimit > 0 ? Math.max(16, Math.ceil((s.failures.memoryLimit * 1.5) / 2 ** 20)) : DEFAULT_HEAP_CAP_MB;
    const instance = new IsolatedInstance(
      {
        kind: 'forwarder',
        id,
        stream: slot.stream,
        system: this.#system,
        clock: this.#clock.spec(),
        seed: deriveSeed(s.seed, 'cell', this.info.index, 'slot', slot.index, 'gen', slot.generation),
        origin: slot.origin,
        dns: this.#dnsAddress,
        heartbeatWallMs: HEARTBEAT_WALL_MS,
        freeze: new SharedArrayBuffer(4),
      },
      heapLimitMb,
    );
    instance.on('heartbeat', (hb) => this.#onHeartbeat(slot, instance, hb));
    instance.on('died', (death) => this.#onDeath(slot, instance, death));
    try {
      await instance.start();
    } catch (err) {
      // An instance that cannot even start is a crash of its own; the slot tries again.
      this.#record(slot.index, id, 'crash', { phase: 'start', error: err instanceof Error ? (err.stack ?? err.message) : String(err) }, [...slot.active].map(([fid, d]) => ({ id: fid, description: d })));
      slot.generation += 1;
      if (!this.#stopping) return this.#launch(slot);
      return;
    }
    slot.instance = instance;
    slot.startedAt = this.#clock.now();
    slot.watch = new InstanceWatch(slot.startedAt, s.failures.hangWindow, s.failures.memoryLimit);
    slot.replacing = false;
    this.#journal({ t: 'instance-start', cell: this.info.index, slot: slot.index, id, at: Math.max(0, this.at()) });
  }

  #onHeartbeat(slot: Slot, instance: IsolatedInstance, hb: Heartbeat): void {
    if (slot.instance !== instance) return;
    slot.watch?.heartbeat(this.#clock.now());
    this.ledger.generated(instance.id, hb.generated);
    if (hb.dropped.length > 0) this.ledger.declareDropped(instance.id, hb.dropped);
    for (const ms of hb.requestMs) {
      recordMs(this.#requestLatency, ms);
      recordMs(this.#intervalRequest, ms);
    }
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
      const verdict = slot.watch.check(now, inst.last, this.ledger.lastDeliveryAt(inst.id), now < slot.frozenUntil);
      if (verdict) this.#fail(slot, inst, verdict);
    }
  }

  #onDeath(slot: Slot, instance: IsolatedInstance, death: InstanceDeath): void {
    if (slot.instance !== instance || this.#stopping) return;
    const verdict: Verdict =
      death.kind === 'error'
        ? { mode: death.outOfMemory ? 'memory' : 'crash', evidence: { error: death.error.message, stack: death.error.stack ?? '', code: (death.error as { code?: string }).code ?? null } }
        : { mode: 'crash', evidence: { exitCode: death.code } };
    this.#fail(slot, instance, verdict);
  }

  /** Records a failure, tears the instance down and starts a fresh one in its slot. */
  #fail(slot: Slot, instance: IsolatedInstance, verdict: Verdict): void {
    if (slot.replacing || this.#stopping) return;
    slot.replacing = true;
    this.#exposureClosed += this.#clock.now() - slot.startedAt;
    const faults = [...slot.active].map(([id, description]) => ({ id, description }));
    this.#record(slot.index, instance.id, verdict.mode, verdict.evidence, faults);
    this.ledger.markFailed(instance.id);
    if (instance.last) this.#stoppedCounters.push(instance.last.counters);
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
        if (link !== undefined && link !== 'sink') throw new Error(`a forwarder has one link, sink, not ${link}`);
        return this.#slots[slot]!.route;
      },
      dns: this.dns,
      dnsName: (slot) => `i${slot}.${SINK_DOMAIN}`,
      sink: this.sink,
      stream: (slot) => this.#slots[slot]!.stream,
      kill: (slot, occurrence) => {
        const s = this.#slots[slot];
        if (s?.instance) this.#fail(s, s.instance, { mode: 'crash', evidence: { reason: `killed by the fault ${occurrence}` } });
      },
      freeze: (slot, scenarioMs) => {
        const s = this.#slots[slot];
        if (!s?.instance) return;
        s.frozenUntil = Math.max(s.frozenUntil, this.#clock.now() + scenarioMs);
        s.instance.freeze(this.#clock.toWall(scenarioMs));
      },
    };
  }

  #every(wallMs: number, fn: () => void, unref = false): void {
    const t = setInterval(fn, wallMs);
    if (unref) t.unref();
    this.#timers.add(t);
  }
}
