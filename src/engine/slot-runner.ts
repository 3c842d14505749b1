import type { FaultOccurrence } from '../faults/timeline.js';
import { buildTimeline } from '../faults/timeline.js';
import type { Scenario } from '../scenario/types.js';
import type { DeliveryCounts } from '../delivery/ledger.js';
import type { CellRun } from './cell-run.js';
import type { ScaledClock } from '../core/clock.js';
import type { FaultTargets } from './fault-applier.js';
import type { FaultLayer } from './fault-layer.js';
import { FaultSchedule } from './fault-schedule.js';
import { HarnessLag } from './harness-lag.js';
import type { InstanceKind, InstanceKinds } from './isolation/instance-messages.js';
import type { IsolatedInstance} from './isolation/isolated-instance.js';
import { type InstanceDeath } from './isolation/isolated-instance.js';
import type { CellInfo, FailureMode, JournalEvent } from '../journal/events.js';
import { deriveSeed } from '../core/random.js';
import type { Verdict, Watch } from './watchdog.js';

/** Wall ms between instance heartbeats, and between watchdog checks. */
export const HEARTBEAT_WALL_MS = 50;
/** Cap of a worker's V8 heap when the scenario sets no memory limit, so a runaway cannot take duress down. */
const DEFAULT_HEAP_CAP_MB = 1024;
/** Wait before a slot tries again after an instance could not start (wall ms), so a broken start does not spin. */
const RELAUNCH_WALL_MS = 500;

/**
 * One place an instance runs in a cell. Its instances come and go (a failed one is replaced by the next
 * generation); what stays is the slot: its index (which fault occurrences name), its routes, the faults
 * active on it.
 */
export interface Slot<K extends InstanceKind, W extends Watch> {
  index: number;
  generation: number;
  instance: IsolatedInstance<K> | undefined;
  watch: W | undefined;
  /** Scenario epoch ms when the current instance started running. */
  startedAt: number;
  /** Scenario epoch ms until which a `pause` fault holds the slot's instance; 0 when none does. */
  frozenUntil: number;
  /** Faults active on this slot now, by occurrence id. */
  active: Map<string, string>;
  /** Faults lifted from this slot: description and when (scenario epoch ms), for a hang whose window they overlapped. */
  lifted: Map<string, { description: string; at: number }>;
  /** Set while the slot's instance is being replaced, so only one failure is recorded. */
  replacing: boolean;
}

/** A fresh slot's lifecycle fields; a runner spreads its own (routes, peaks) beside them. */
export function slotBase<K extends InstanceKind, W extends Watch>(index: number): Slot<K, W> {
  return { index, generation: 0, instance: undefined, watch: undefined, startedAt: 0, frozenUntil: 0, active: new Map(), lifted: new Map(), replacing: false };
}

/**
 * What every cell runner shares, whatever the system: instance slots, each instance isolated in a worker
 * thread and watched; a failed instance recorded with the faults active on it, torn down and replaced by
 * a fresh one in the same slot (a renewal process, so the cell accumulates exposure and failures); the
 * fault timeline played on the slots; the cell's clock, exposure and failure count.
 *
 * A system's runner (forwarder-cell-runner.ts, broker-cell-runner.ts) supplies what differs, through the
 * protected hooks below: the slots and the servers behind them (`open`), how an instance is made
 * (`spawn`) and watched (`watchFor`, `check`), what its heartbeats carry (`heartbeat`), what an ended
 * instance leaves behind (`ended`), the metrics intervals, and how the cell closes (`close`).
 */
export abstract class SlotRunner<K extends InstanceKind, W extends Watch, S extends Slot<K, W>> implements CellRun {
  readonly info: CellInfo;
  readonly scenario: Scenario;
  protected readonly clock: ScaledClock;
  protected readonly layer: FaultLayer;
  protected readonly journal: (e: JournalEvent) => void;
  protected slots: S[] = [];
  protected stopping = false;
  /** Each instance's heap cap is the memory limit and half again, but at least this (MB). */
  readonly #minHeapMb: number;
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

  constructor(info: CellInfo, scenario: Scenario, clock: ScaledClock, layer: FaultLayer, journal: (e: JournalEvent) => void, minHeapMb: number) {
    this.info = info;
    this.scenario = scenario;
    this.clock = clock;
    this.layer = layer;
    this.journal = journal;
    this.#minHeapMb = minHeapMb;
    this.lag = new HarnessLag({ scenario, cell: info.index, journal });
  }

  /** This interval's harness lag (journaled as trouble when it could distort the figures). */
  protected takeLag(): ReturnType<HarnessLag['take']> {
    const at = this.at();
    return this.lag.take(at, this.clock.toWall(at));
  }

  /** Starts what the slots need (servers, routes) and returns them, before any instance runs. */
  protected abstract open(): Promise<S[]>;
  /**
   * Makes the slot's next instance (not started yet) with its id, and its system's listeners beside the
   * runner's own heartbeat and death ones.
   */
  protected abstract spawn(slot: S, id: string, seed: number, heapLimitMb: number): IsolatedInstance<K>;
  /** The watch of an instance that started running at `startedAt` (scenario epoch ms). */
  protected abstract watchFor(startedAt: number): W;
  /** What a heartbeat carries beyond liveness (counts, latency, peaks). `current`: the slot's instance still. */
  protected abstract heartbeat(slot: S, instance: IsolatedInstance<K>, hb: InstanceKinds[K]['heartbeat'], current: boolean): void;
  /** The watchdog's verdict on the slot's running instance now, if it failed. */
  protected abstract check(slot: S, instance: IsolatedInstance<K>, now: number): Verdict | undefined;
  /**
   * Keeps what an instance left when it ended: `final` is its own last account when it stopped when asked,
   * undefined when it failed (or did not answer the stop).
   */
  protected abstract ended(slot: S, instance: IsolatedInstance<K>, final: InstanceKinds[K]['stopped'] | undefined): void;
  /** After every instance stopped: closes the cell's servers, judges loss, writes the last interval and `cell-end`. */
  protected abstract close(drained: boolean): Promise<void>;
  /** The fault targets of the system: its routes, DNS and sink (kill and freeze are the runner's). */
  protected abstract targets(): Omit<FaultTargets, 'toxicSpeed' | 'kill' | 'freeze'>;

  abstract interval(): void;
  abstract deliveryCounts(): DeliveryCounts;

  /** Scenario ms since the cell started (0 while its first instances boot). */
  at(): number {
    return this.#atOf(this.clock.now());
  }

  /** The cell's time at scenario epoch ms `now`. */
  #atOf(now: number): number {
    return Number.isNaN(this.#startAt) ? 0 : now - this.#startAt;
  }

  /** How long the slot's current instance has run at `now` (scenario ms); nothing counts before the cell's time starts. */
  #lifetime(slot: S, now: number): number {
    return Number.isNaN(this.#startAt) ? 0 : now - slot.startedAt;
  }

  async start(): Promise<void> {
    const s = this.scenario;
    this.slots = await this.open();
    this.#faults = new FaultSchedule({
      clock: this.clock,
      cell: this.info.index,
      at: () => this.at(),
      journal: this.journal,
      targets: { ...this.targets(), toxicSpeed: this.layer.toxicSpeed, kill: (slot, occurrence) => this.#kill(slot, occurrence), freeze: (slot, ms) => this.#freeze(slot, ms) },
      mark: (slot, id, description) => {
        const s = this.slots[slot];
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
    this.journal({ t: 'cell-start', cell: this.info.index, wall: new Date().toISOString() });
    // Instances launched now journal their start at the cell's time 0, which begins once they all run.
    await Promise.all(this.slots.map((slot) => this.#launch(slot)));
    // The cell's time starts once its instances run: booting them is not part of the load or the timeline.
    // Every instance running now started at that origin, and its watch starts from there too.
    this.#startAt = this.clock.now();
    for (const slot of this.slots) {
      slot.startedAt = Math.max(slot.startedAt, this.#startAt);
      if (slot.instance && !slot.replacing) slot.watch = this.watchFor(slot.startedAt);
    }
    // Every cell faces the same world: the timeline depends on the seed, not on the cell, so variants compare fairly.
    this.timeline = buildTimeline(s.faults, { seed: deriveSeed(s.seed, 'timeline'), duration: s.duration, instances: s.instances });
    this.#faults.schedule(this.timeline);
    this.#watchTimer = setInterval(() => this.#watch(), HEARTBEAT_WALL_MS);
    this.#watchTimer.unref();
  }

  /** Ends the load: stops every instance's input (faults stay as they are). */
  stopInput(): void {
    for (const slot of this.slots) slot.instance?.stopInput();
  }

  drained(): boolean {
    return this.slots.every((s) => !s.replacing && (s.instance?.last?.drained ?? false));
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
        this.ended(slot, inst, await inst.stop());
        this.journal({ t: 'instance-end', cell: this.info.index, slot: slot.index, id: inst.id, at: this.#atOf(stopAt), reason: 'stopped' });
      }),
    );
    await this.close(drained);
  }

  /** Journals a failure of an instance (`id`) in a slot, with the faults active on it. */
  protected record(slot: number, id: string, mode: FailureMode, evidence: Record<string, unknown>, faults: { id: string; description: string }[], at = this.at()): void {
    this.#failures += 1;
    this.journal({ t: 'failure', cell: this.info.index, slot, id, at, mode, evidence, faults });
  }

  async #launch(slot: S): Promise<void> {
    const s = this.scenario;
    const id = `c${this.info.index}s${slot.index}g${slot.generation}`;
    const seed = deriveSeed(s.seed, 'cell', this.info.index, 'slot', slot.index, 'gen', slot.generation);
    const heapLimitMb = s.failures.memoryLimit > 0 ? Math.max(this.#minHeapMb, Math.ceil((s.failures.memoryLimit * 1.5) / 2 ** 20)) : DEFAULT_HEAP_CAP_MB;
    const instance = this.spawn(slot, id, seed, heapLimitMb);
    instance.on('heartbeat', (hb) => {
      const current = slot.instance === instance;
      if (current) slot.watch?.heartbeat(this.clock.now());
      // A worker leaves a pause's freeze out of its loop delay itself (worker-health.ts), where it is known exactly.
      if (current) this.lag.noteWorker(slot.index, hb.loopDelayMaxMs);
      this.heartbeat(slot, instance, hb, current);
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
      if (this.stopping) return;
      await new Promise((r) => setTimeout(r, RELAUNCH_WALL_MS));
      if (!this.stopping) return this.#launch(slot);
      return;
    }
    if (this.stopping) {
      // It booted after the cell was asked to stop: it never ran the load, so it has no running time; what
      // it made while booting is still accounted for.
      this.ended(slot, instance, await instance.stop());
      return;
    }
    const now = this.clock.now();
    slot.instance = instance;
    slot.startedAt = now;
    slot.watch = this.watchFor(now);
    slot.replacing = false;
    // A fresh instance is not frozen, whatever a pause did to the one before it.
    slot.frozenUntil = 0;
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
      const verdict = this.check(slot, inst, now);
      if (verdict) this.#fail(slot, inst, verdict, now);
    }
  }

  #onDeath(slot: S, instance: IsolatedInstance<K>, death: InstanceDeath): void {
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
  #fail(slot: S, instance: IsolatedInstance<K>, verdict: Verdict, now = this.clock.now()): void {
    if (slot.replacing || this.stopping) return;
    slot.replacing = true;
    this.#exposureClosed += this.#lifetime(slot, now);
    const at = this.#atOf(now);
    const window = this.scenario.failures.hangWindow;
    const since = verdict.mode === 'hang' ? now - hangSpan(verdict, window) - window : now;
    const faults = faultsSince(slot, Math.max(since, slot.startedAt));
    this.record(slot.index, instance.id, verdict.mode, verdict.evidence, faults, at);
    this.ended(slot, instance, undefined);
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
    const s = this.slots[slot];
    if (s?.instance) this.#fail(s, s.instance, { mode: 'crash', evidence: { reason: `killed by the fault ${occurrence}` } });
  }

  /** The `pause` fault: the instance's thread stops for a while, and the watchdog knows it is held. */
  #freeze(slot: number, scenarioMs: number): void {
    const s = this.slots[slot];
    if (!s?.instance) return;
    s.frozenUntil = Math.max(s.frozenUntil, this.clock.now() + scenarioMs);
    s.instance.freeze(this.clock.toWall(scenarioMs));
  }
}

/** The faults active on the slot now, then those lifted at or after `since` (scenario epoch ms). */
function faultsSince(slot: Slot<InstanceKind, Watch>, since: number): { id: string; description: string }[] {
  const faults = [...slot.active].map(([id, description]) => ({ id, description }));
  for (const [id, l] of slot.lifted) if (l.at >= since && !slot.active.has(id)) faults.push({ id, description: l.description });
  return faults;
}

/** Forgets lifted faults older than `before`, so the map stays small over a long run (insertion order is lift order). */
function pruneLifted(lifted: Map<string, { at: number }>, before: number): void {
  for (const [id, l] of lifted) {
    if (l.at >= before) break;
    lifted.delete(id);
  }
}

/** How long a hang verdict says the instance was stuck or silent (scenario ms), at least the hang window. */
function hangSpan(verdict: Verdict, hangWindow: number): number {
  const e = verdict.evidence;
  const span = typeof e.stuckForMs === 'number' ? e.stuckForMs : typeof e.silentForMs === 'number' ? e.silentForMs : 0;
  return Math.max(hangWindow, span);
}
