import { memoryUsage } from 'node:process';
import type { FaultOccurrence } from '../faults/timeline.js';
import { buildTimeline } from '../faults/timeline.js';
import { encodeHistogram } from '../metrics/histogram.js';
import type { Scenario } from '../scenario/types.js';
import type { DeliveryCounts } from '../delivery/ledger.js';
import type { Sink } from '../sinks/sink.js';
import type { BaseHeartbeat, BaseStopped } from '../systems/isolation/worker-protocol.js';
import { systemKinds } from '../systems/registry.js';
import type { CellSystem, LiveInstance, SystemKind } from '../systems/system-kind.js';
import type { Verdict, Watch } from '../systems/watch.js';
import { CellLinks } from './cell-links.js';
import type { CellRun } from './cell-run.js';
import type { ScaledClock } from '../core/clock.js';
import type { FaultLayer } from './fault-layer.js';
import { FaultSchedule } from './fault-schedule.js';
import { HarnessLag } from './harness-lag.js';
import { IsolatedInstance, type InstanceDeath } from './isolation/isolated-instance.js';
import { WorkerPool } from './isolation/worker-pool.js';
import type { CellInfo, FailureMode, JournalEvent } from '../journal/events.js';
import { deriveSeed } from '../core/random.js';
import { faultsSince, hangSpan, newSlot, pruneLifted, type Slot } from './slot.js';

/** Wall ms between instance heartbeats, and between watchdog checks. */
export const HEARTBEAT_WALL_MS = 50;
/** Cap of a worker's V8 heap when the scenario sets no memory limit, so a runaway cannot take duress down. */
const DEFAULT_HEAP_CAP_MB = 1024;
/**
 * Wait before a slot tries again after an instance could not start (wall ms), doubled after each failure
 * in a row up to RELAUNCH_MAX_WALL_MS, so a broken start does not spin.
 */
const RELAUNCH_WALL_MS = 500;
const RELAUNCH_MAX_WALL_MS = 30_000;
/**
 * Boots in a row a slot may fail before its cell has begun: a start that fails this often is a broken
 * setup (a server that refuses its config, an address nobody listens on), not bad luck, and the cell
 * could not start (exit 3) rather than retry forever with no time passing.
 */
export const MAX_FIRST_BOOTS = 3;

/**
 * Runs one cell of a scenario for its duration, whatever its system kind (src/systems/system-kind.ts):
 * instance slots, each instance isolated in a worker thread and watched; a failed instance recorded with
 * the faults active on it, torn down and replaced by a fresh one in the same slot (a renewal process, so
 * the cell accumulates exposure and failures); the fault timeline played on the slots; the links the kind
 * asks for (cell-links.ts: its sink, DNS server and proxy routes); the cell's clock, exposure and failure
 * count. What differs between kinds (start data, heartbeats, the watch's rule, accounting, figures) is
 * the kind's CellSystem, called through its hooks.
 */
export class CellRunner implements CellRun {
  readonly info: CellInfo;
  readonly scenario: Scenario;
  readonly kind: SystemKind;
  /** The kind's part of the cell: its accounting and figures. */
  readonly system: CellSystem<BaseHeartbeat, BaseStopped, object, Watch>;
  protected readonly clock: ScaledClock;
  protected readonly layer: FaultLayer;
  protected readonly journal: (e: JournalEvent) => void;
  protected slots: Slot[] = [];
  protected stopping = false;
  /** The load is over (stopInput): an instance that starts after it (a renewal) gets no load either. */
  #inputStopped = false;
  readonly #links: CellLinks;
  /** The cell's shared workers, when its instances share them (Isolation.instancesPerWorker > 1). */
  #pool: WorkerPool | undefined;
  #faults: FaultSchedule | undefined;
  #watchTimer: NodeJS.Timeout | undefined;
  /**
   * Scenario epoch ms at which the cell's time started: once every first instance runs. NaN while they
   * boot: until then the cell's time is 0 and no instance's running time counts.
   */
  #startAt = Number.NaN;
  #lastWatchWall = performance.now();
  #exposureClosed = 0;
  #failures = 0;
  readonly #pendingRenewals = new Set<Promise<void>>();
  /** Wall ms (performance.now) when the runner was made, at the run's start: harness events count from it. */
  readonly #bornWall = performance.now();
  timeline: FaultOccurrence[] = [];
  /** duress's own event-loop delay, main thread and workers; the cell's intervals take it. */
  protected readonly lag: HarnessLag;

  /** `kind`: by default the registered kind the scenario's `system.kind` names. */
  constructor(info: CellInfo, scenario: Scenario, clock: ScaledClock, layer: FaultLayer, journal: (e: JournalEvent) => void, kind: SystemKind = systemKinds.get(scenario.system.kind)) {
    this.info = info;
    this.scenario = scenario;
    this.kind = kind;
    this.clock = clock;
    this.layer = layer;
    this.journal = journal;
    this.lag = new HarnessLag({ scenario, cell: info.index, journal });
    this.#links = new CellLinks(kind, scenario, info.index, clock, layer);
    this.system = kind.createCell({
      config: scenario.system,
      cell: info.index,
      instances: this.#slotIndices().length,
      hangWindow: scenario.failures.hangWindow,
      memoryLimit: scenario.failures.memoryLimit,
      faults: scenario.faults,
      clock,
      origin: () => this.#startAt,
      ...(this.#links.sink ? { sink: this.#links.sink } : {}),
      routes: { awaitingAnswerSince: (slot) => this.#links.awaitingAnswerSince(slot) },
    });
  }

  /** The slots this runner runs: the cell's all, or a shard's share (CellInfo.slots). */
  #slotIndices(): number[] {
    return this.info.slots ? [...this.info.slots] : Array.from({ length: this.scenario.instances }, (_, i) => i);
  }

  /** The slot of index `index`, if this runner runs it. */
  #slot(index: number): Slot | undefined {
    return this.slots.find((s) => s.index === index);
  }

  /** The cell's sink, for a kind that writes to one. */
  get sink(): Sink | undefined {
    return this.#links.sink;
  }

  /** This interval's harness lag (journaled as trouble when it could distort the figures). */
  protected takeLag(): ReturnType<HarnessLag['take']> {
    const at = this.at();
    return this.lag.take(at, this.clock.toWall(at));
  }

  /** The instances running now: in a slot, not being replaced. */
  protected live(): LiveInstance<BaseHeartbeat>[] {
    return this.slots.flatMap((s) => (s.instance && !s.replacing ? [{ slot: s.index, id: s.instance.id, last: s.instance.last }] : []));
  }

  /** The sink's name for a slot's traffic ('' for a kind with no sink). */
  #channel(slot: number): string {
    return this.system.channel?.(slot) ?? '';
  }

  /**
   * Makes the slot's next instance (not started yet) with its id: the engine's start data, the sink's
   * access, and the kind's own (`spawn`). A test may override it (a smaller heap, say).
   */
  protected spawn(slot: Slot, id: string, seed: number, heapLimitMb: number): IsolatedInstance {
    const access = this.#links.access(slot.index);
    const data = {
      ...this.system.spawn(slot.index, id),
      id,
      clock: this.clock.spec(),
      seed,
      heartbeatWallMs: HEARTBEAT_WALL_MS,
      memoryLimit: this.system.workerMemoryLimit?.() ?? this.scenario.failures.memoryLimit,
      freeze: new SharedArrayBuffer(4),
      ...(access ? { ...access, channel: this.#channel(slot.index) } : {}),
    };
    const iso = this.kind.isolation;
    const host = this.#poolFor(heapLimitMb)?.hostFor(slot.index);
    const stopGraceWallMs = iso.stopGraceWallMs?.(this.scenario.system);
    const instance = new IsolatedInstance(data, {
      worker: iso.worker,
      heapLimitMb,
      lookupTimeout: iso.lookupTimeout?.(this.scenario.system) ?? null,
      ...(stopGraceWallMs !== undefined ? { stopGraceWallMs } : {}),
      ...(host ? { host } : {}),
    });
    if (this.#links.plan.upstream === 'instance') {
      instance.on('listening', (port) => {
        this.#links.pointAt(slot.index, port).then(
          (ports) => instance.routes(ports),
          // Without routes the worker cannot connect its clients and fails to start: a crash at start.
          () => instance.routes([]),
        );
      });
    }
    return instance;
  }

  /**
   * The cell's shared workers, made on first use; none when each instance has a worker of its own. A
   * shared worker's heap cap is the instances' caps together (or the default cap when there is no limit).
   */
  #poolFor(heapLimitMb: number): WorkerPool | undefined {
    const perWorker = Math.min(this.scenario.instances, this.scenario.isolation?.instancesPerWorker ?? this.kind.isolation.instancesPerWorker ?? 1);
    if (perWorker <= 1) return undefined;
    const shared = this.scenario.failures.memoryLimit > 0 ? heapLimitMb * perWorker : heapLimitMb;
    return (this.#pool ??= new WorkerPool(perWorker, { worker: this.kind.isolation.worker, heapLimitMb: shared, heartbeatWallMs: HEARTBEAT_WALL_MS }));
  }

  /** A metrics interval: the journal gets cumulative counts and this interval's histograms. */
  interval(): void {
    const live = this.live();
    const figures = this.system.interval(live);
    let maxMemory = 0;
    for (const s of this.slots) maxMemory = Math.max(maxMemory, s.instance?.last?.memoryUsed ?? 0);
    const at = this.at();
    this.journal({
      t: 'interval',
      cell: this.info.index,
      at,
      wallMs: this.clock.toWall(at),
      delivery: this.system.deliveryCounts(live),
      exposureMs: this.exposure(),
      failures: this.failureCount,
      endToEnd: encodeHistogram(figures.endToEnd),
      request: encodeHistogram(figures.request),
      requests: figures.requests,
      rss: memoryUsage.rss(),
      maxInstanceMemory: maxMemory,
      lag: this.takeLag(),
      ...figures.extra,
    });
  }

  deliveryCounts(): DeliveryCounts {
    return this.system.deliveryCounts(this.live());
  }

  /** After every instance stopped: closes the cell's links, writes the last interval, judges loss, writes `cell-end`. */
  async #close(drained: boolean): Promise<void> {
    await this.#links.close();
    this.interval();
    // Silent loss is judged once everything is stopped: each instance that lost records is one failure.
    for (const loss of this.system.losses(drained)) this.record(loss.slot, loss.id, loss.mode ?? 'loss', loss.evidence, []);
    const live = this.live();
    this.journal({
      t: 'cell-end',
      cell: this.info.index,
      at: this.at(),
      drained,
      delivery: this.system.deliveryCounts(live),
      ...this.system.totals(live),
      sink: this.#links.sink?.report() ?? {},
    });
  }

  /** Scenario ms since the cell started (0 while its first instances boot). */
  at(): number {
    return this.#atOf(this.clock.now());
  }

  /** The cell's time at scenario epoch ms `now`. */
  #atOf(now: number): number {
    return Number.isNaN(this.#startAt) ? 0 : now - this.#startAt;
  }

  /** How long the slot's current instance has run at `now` (scenario ms); nothing counts before the cell's time starts. */
  #lifetime(slot: Slot, now: number): number {
    return Number.isNaN(this.#startAt) ? 0 : now - slot.startedAt;
  }

  async start(): Promise<void> {
    const s = this.scenario;
    const indices = this.#slotIndices();
    await this.#links.open(indices);
    await this.system.open?.();
    this.slots = indices.map((i) => newSlot(i));
    this.#faults = new FaultSchedule({
      clock: this.clock,
      cell: this.info.index,
      at: () => this.at(),
      journal: this.journal,
      targets: { ...this.#links.targets(this.kind.noun, (slot) => this.#channel(slot)), toxicSpeed: this.layer.toxicSpeed, kill: (slot, occurrence) => this.#kill(slot, occurrence), freeze: (slot, ms) => this.#freeze(slot, ms) },
      mark: (slot, id, description) => {
        const s = this.#slot(slot);
        if (!s) return;
        const was = s.active.get(id);
        if (description !== undefined) s.active.set(id, description);
        else if (was !== undefined) {
          s.active.delete(id);
          s.lifted.set(id, { description: was, at: this.clock.now() });
          pruneLifted(s.lifted, this.clock.now() - 4 * this.scenario.failures.hangWindow);
        }
      },
    });
    // What the report needs of the kind, as data: the report never imports a kind (SystemKind.report).
    const links = this.kind.report?.links;
    const maxCounters = this.kind.report?.maxCounters;
    const succeededRequests = this.kind.report?.succeededRequests ?? ['ok'];
    const latency = this.kind.latencyLabels?.(this.scenario.system);
    this.journal({
      t: 'cell-start',
      cell: this.info.index,
      wall: new Date().toISOString(),
      ...(links ? { links } : {}),
      ...(maxCounters ? { maxCounters } : {}),
      succeededRequests,
      ...(latency ? { latency } : {}),
    });
    // Instances launched now journal their start at the cell's time 0, which begins once they all run.
    // Every slot's launch settles before a failure is thrown, so none boots on behind the cell's stop.
    const launched = await Promise.allSettled(this.slots.map((slot) => this.#launch(slot)));
    const refused = launched.find((l): l is PromiseRejectedResult => l.status === 'rejected');
    if (refused) throw refused.reason;
    // The cell's time starts once its instances run: booting them is not part of the load or the timeline.
    // Every instance running now started at that origin, and its watch starts from there too.
    this.#startAt = this.clock.now();
    for (const slot of this.slots) {
      slot.startedAt = Math.max(slot.startedAt, this.#startAt);
      if (slot.instance && !slot.replacing) slot.watch = this.system.watchFor(slot.startedAt);
    }
    // Every cell faces the same world: the timeline depends on the seed, not on the cell, so variants compare fairly.
    // A shard plays the whole cell's timeline (built for all its slots, so every choice is the same) on its own slots.
    const own = new Set(indices);
    this.timeline = buildTimeline(s.faults, { seed: deriveSeed(s.seed, 'timeline'), duration: s.duration, instances: s.instances }).flatMap((occ) => {
      if (!this.info.slots) return [occ];
      const instances = occ.instances.filter((i) => own.has(i));
      return instances.length === 0 ? [] : [{ ...occ, instances }];
    });
    this.#faults.schedule(this.timeline);
    for (const slot of this.slots) if (slot.instance && !slot.replacing) slot.instance.begin();
    this.#watchTimer = setInterval(() => this.#watch(), HEARTBEAT_WALL_MS);
    this.#watchTimer.unref();
  }

  /** Ends the load: stops every instance's input (faults stay as they are). */
  stopInput(): void {
    this.#inputStopped = true;
    for (const slot of this.slots) slot.instance?.stopInput();
  }

  drained(): boolean {
    if (this.slots.some((s) => s.replacing || !s.instance)) return false;
    if (this.system.drained) return this.system.drained(this.live());
    return this.slots.every((s) => s.instance?.last?.drained ?? false);
  }

  /** Running time of all instances so far, scenario ms. */
  exposure(): number {
    let open = 0;
    const now = this.clock.now();
    for (const s of this.slots) if (s.instance && !s.replacing) open += this.#lifetime(s, now);
    return this.#exposureClosed + open;
  }

  get failureCount(): number {
    return this.#failures;
  }

  /**
   * Stops the cell: every fault is lifted, every instance is asked to stop and report what it still holds
   * (undrained), then the system closes the cell (`close`).
   */
  async stop(drained: boolean): Promise<void> {
    this.stopping = true;
    // Running time ends here, when the cell is asked to stop, in the journal as in the live figure: waiting
    // for renewals under way and for the workers to answer is duress's time, and no fault can happen in it.
    const stopAt = this.clock.now();
    clearInterval(this.#watchTimer);
    this.lag.stop();
    // Stopping the schedule cancels every fault not yet started at once; active ones are lifted after the renewals.
    const faultsLifted = this.#faults?.stop();
    await Promise.allSettled(this.#pendingRenewals);
    await faultsLifted;
    await Promise.all(
      this.slots.map(async (slot) => {
        const inst = slot.instance;
        if (!inst) return;
        this.#exposureClosed += Math.max(0, this.#lifetime(slot, stopAt));
        slot.instance = undefined;
        this.#ended(slot, inst, await inst.stop());
        this.journal({ t: 'instance-end', cell: this.info.index, slot: slot.index, id: inst.id, at: this.#atOf(stopAt), reason: 'stopped' });
      }),
    );
    await this.#pool?.close();
    await this.#close(drained);
  }

  /** Journals a failure of an instance (`id`) in a slot, with the faults active on it. */
  protected record(slot: number, id: string, mode: FailureMode, evidence: Record<string, unknown>, faults: { id: string; description: string }[], at = this.at()): void {
    this.#failures += 1;
    this.journal({ t: 'failure', cell: this.info.index, slot, id, at, mode, evidence, faults });
  }

  /** Hands what an ended instance left to the kind. */
  #ended(slot: Slot, instance: IsolatedInstance, final: BaseStopped | undefined): void {
    this.system.ended(slot.index, instance.id, instance.last, final);
  }

  async #launch(slot: Slot): Promise<void> {
    const s = this.scenario;
    const id = `c${this.info.index}s${slot.index}g${slot.generation}`;
    const seed = deriveSeed(s.seed, 'cell', this.info.index, 'slot', slot.index, 'gen', slot.generation);
    const heapLimitMb = s.failures.memoryLimit > 0 ? Math.max(this.kind.isolation.minHeapMb, Math.ceil((s.failures.memoryLimit * 1.5) / 2 ** 20)) : DEFAULT_HEAP_CAP_MB;
    const instance = this.spawn(slot, id, seed, heapLimitMb);
    instance.on('heartbeat', (hb) => {
      const current = slot.instance === instance;
      if (current) slot.watch?.heartbeat(this.clock.now());
      // A worker leaves a pause's freeze out of its loop delay itself (worker-health.ts), where it is known exactly.
      if (current) this.lag.noteWorker(slot.index, hb.loopDelayMaxMs);
      this.system.heartbeat(slot.index, instance.id, hb, current);
    });
    instance.on('died', (death) => this.#onDeath(slot, instance, death));
    try {
      await instance.start();
    } catch (err) {
      // A worker that cannot even boot is duress's trouble, not the system's: no failure, no running time.
      // The slot tries again.
      this.journal({
        t: 'harness',
        cell: this.info.index,
        slot: slot.index,
        at: this.at(),
        wallMs: performance.now() - this.#bornWall,
        kind: 'worker-boot',
        detail: `the worker of instance ${id} could not boot: ${err instanceof Error ? err.message : String(err)}`,
      });
      await instance.kill().catch(() => undefined);
      slot.generation += 1;
      slot.bootFailures += 1;
      if (this.stopping) return;
      if (Number.isNaN(this.#startAt) && slot.bootFailures >= MAX_FIRST_BOOTS) {
        throw new Error(`instance ${id} could not boot, ${slot.bootFailures} times in a row: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
      await new Promise((r) => setTimeout(r, Math.min(RELAUNCH_MAX_WALL_MS, RELAUNCH_WALL_MS * 2 ** (slot.bootFailures - 1))));
      if (!this.stopping) return this.#launch(slot);
      return;
    }
    slot.bootFailures = 0;
    if (this.stopping) {
      // It booted after the cell was asked to stop: it never ran the load, so it has no running time; what
      // it made while booting is still accounted for.
      this.#ended(slot, instance, await instance.stop());
      return;
    }
    const now = this.clock.now();
    slot.instance = instance;
    slot.startedAt = now;
    if (this.#inputStopped) instance.stopInput();
    slot.watch = this.system.watchFor(now);
    slot.replacing = false;
    // A fresh instance is not frozen, whatever a pause did to the one before it.
    slot.frozenUntil = 0;
    // A renewal joins a cell whose time has begun; the first instances begin together in start().
    if (!Number.isNaN(this.#startAt)) instance.begin();
    this.journal({ t: 'instance-start', cell: this.info.index, slot: slot.index, id, at: this.#atOf(now) });
  }

  #watch(): void {
    if (this.stopping) return;
    const now = this.clock.now();
    const wall = performance.now();
    // If duress itself was stalled, heartbeats waited in its queue: silence is not the instances' fault.
    const stalled = wall - this.#lastWatchWall > HEARTBEAT_WALL_MS * 5;
    this.#lastWatchWall = wall;
    for (const slot of this.slots) {
      if (stalled) slot.watch?.heartbeat(now);
      // A thawed instance gets a fresh hang window: its heartbeat and progress baselines date from the thaw.
      if (slot.frozenUntil > 0 && now >= slot.frozenUntil) {
        slot.frozenUntil = 0;
        slot.watch?.thaw(now);
      }
      const inst = slot.instance;
      if (!inst || !slot.watch || slot.replacing) continue;
      const verdict = this.system.check(slot.watch, inst.id, inst.last, now, now < slot.frozenUntil);
      if (verdict) this.#fail(slot, inst, verdict, now);
    }
  }

  #onDeath(slot: Slot, instance: IsolatedInstance, death: InstanceDeath): void {
    if (slot.instance !== instance || this.stopping) return;
    const verdict: Verdict =
      death.kind === 'error'
        ? { mode: death.outOfMemory ? 'memory' : 'crash', evidence: { error: death.error.message, stack: death.error.stack ?? '', code: (death.error as { code?: string }).code ?? null } }
        : { mode: 'crash', evidence: { exitCode: death.code } };
    this.#fail(slot, instance, verdict);
  }

  /**
   * Records a failure, tears the instance down and starts a fresh one in its slot. The failure carries
   * the faults active on the slot now. A hang also carries those lifted during the stretch it was stuck,
   * or less than a hang window before it began: what set it up (a pause it was thawed from, a cut link).
   */
  #fail(slot: Slot, instance: IsolatedInstance, verdict: Verdict, now = this.clock.now()): void {
    if (slot.replacing || this.stopping) return;
    slot.replacing = true;
    this.#exposureClosed += this.#lifetime(slot, now);
    const at = this.#atOf(now);
    const window = this.scenario.failures.hangWindow;
    const since = verdict.mode === 'hang' ? now - hangSpan(verdict, window) - window : now;
    const faults = faultsSince(slot, Math.max(since, slot.startedAt));
    this.record(slot.index, instance.id, verdict.mode, verdict.evidence, faults, at);
    this.#ended(slot, instance, undefined);
    this.journal({ t: 'instance-end', cell: this.info.index, slot: slot.index, id: instance.id, at, reason: 'failed' });
    slot.instance = undefined;
    const renewal = instance
      .kill()
      .then(async () => {
        slot.generation += 1;
        if (!this.stopping) await this.#launch(slot);
      })
      .finally(() => this.#pendingRenewals.delete(renewal));
    this.#pendingRenewals.add(renewal);
  }

  /** The `kill` fault: the instance fails as a crash and its slot is renewed. */
  #kill(slot: number, occurrence: string): void {
    const s = this.#slot(slot);
    if (s?.instance) this.#fail(s, s.instance, { mode: 'crash', evidence: { reason: `killed by the fault ${occurrence}` } });
  }

  /** The `pause` fault: the instance's thread stops for a while, and the watchdog knows it is held. */
  #freeze(slot: number, scenarioMs: number): void {
    const s = this.#slot(slot);
    if (!s?.instance) return;
    s.frozenUntil = Math.max(s.frozenUntil, this.clock.now() + scenarioMs);
    s.instance.freeze(this.clock.toWall(scenarioMs));
  }
}
