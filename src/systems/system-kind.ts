import type { z } from 'zod';
import type { ScaledClock } from '../core/clock.js';
import type { IntervalEvent, LatencyLabels, LinkTableSpec } from '../journal/events.js';
import type { FaultSpec } from '../faults/fault-spec.js';
import type { Histogram } from '../metrics/histogram.js';
import type { DeliveryCounts } from '../delivery/ledger.js';
import type { BaseHeartbeat, BaseStopped } from './isolation/worker-protocol.js';
import type { Verdict, Watch } from './watch.js';

/**
 * A kind of system under test: what the engine needs to run, fault, watch and account for it, declared
 * once. The engine (src/engine/) is generic over it and names no kind; a scenario picks one with
 * `system: { kind: <name> }`. Adding a kind is one folder (src/systems/<name>/, or your own module) and
 * one `systemKinds.register(...)` line (src/systems/builtin.ts for the built-in ones).
 *
 * The life of a cell, as the engine drives it (src/engine/cell-runner.ts): it starts the links the kind
 * asks for (proxy routes, the sink, DNS), calls `createCell` once, then per instance slot `spawn`s an
 * instance in its own worker thread (the kind's `isolation.worker` module, which calls `serveInstance`
 * from ./isolation/worker-protocol.ts), feeds each heartbeat to `heartbeat` and to the watchdog (`check`
 * on the kind's Watch, every 50 ms of wall time), replaces a failed instance with a fresh one in the same
 * slot (`ended` in between), writes an interval every `report.interval` (`interval`), and at the end asks
 * every instance to stop, judges silent loss (`losses`) and writes `cell-end` (`totals`, `deliveryCounts`).
 *
 * Type parameters: `C` the kind's config (the schema's output), `H` its heartbeat and `S` its answer to
 * `stop` (both sent by its worker), `D` the start data its `spawn` adds for its worker, `W` its Watch.
 */
export interface SystemKind<
  C extends { kind: string } = { kind: string },
  H extends BaseHeartbeat = BaseHeartbeat,
  S extends BaseStopped = BaseStopped,
  D extends object = object,
  W extends Watch = Watch,
> {
  /** The scenario's `system.kind`, e.g. `forwarder`. Lowercase letters, digits and '-'. */
  readonly name: string;
  /** How messages name one of it, with its article: `a forwarder`, `a broker`. */
  readonly noun: string;
  /**
   * The scenario's `system:` section for this kind: a zod strict object whose `kind` is
   * `z.literal(name)`, every default applied, unit strings resolved to numbers (ms, per second, bytes:
   * use the helpers of src/core/fields.ts). The scenario schema puts it in a union on `kind`, and the
   * JSON Schema shows it.
   */
  readonly schema: z.ZodType<C, unknown>;
  /**
   * The network links of one instance and whether it resolves names: see LinkPlan. Also called by the
   * scenario's checks on config that may not have validated: it may throw then, and links are not checked.
   */
  links(config: C): LinkPlan;
  /**
   * The sink kind its instances write to (`cloudwatch`), or undefined for a system with no sink (its
   * routes lead to the instance itself). The scenario's `sink.kind` must name it; the engine starts that
   * sink for each cell (src/sinks/registry.ts) and hands its deliveries to `CellContext.sink`.
   */
  sink(config: C): string | undefined;
  /**
   * The config's durations the clock scales, with their key paths (`system.flush`): the clock check
   * refuses a speed at which one would be shorter than this machine can time. Zeros may be left in (they
   * mean "off" and are skipped).
   */
  scaledDurations(config: C): { path: string; ms: number }[];
  /**
   * Records one instance moves per scenario second (what the machine must carry): the capacity warning
   * sums it over instances and cells. A broker delivering each message to n subscribers moves n records.
   */
  recordsPerSecond(config: C): number;
  /** How an instance runs in isolation: its worker module, its heap floor, its DNS lookups. */
  readonly isolation: Isolation<C>;
  /** The sections it adds to the report, beyond the ones every run has; optional. */
  readonly report?: KindReport;
  /**
   * What the report calls the intervals' two latencies (IntervalFigures.endToEnd and .request), for a kind
   * whose latencies are not a record's way to a sink and an output request: an HTTP load's corrected and
   * uncorrected latency. Default: `end to end (from scheduled generation)` and `output request`.
   */
  latencyLabels?(config: C): LatencyLabels;
  /**
   * For a kind whose instances run on wall time (a real program: its timers are its own), why: a scenario
   * naming it with `clock.speed` other than 1 is refused with this reason. Undefined: the clock may be scaled.
   */
  wallClockOnly?(config: C): string | undefined;
  /** The kind's part of one cell: called once per cell, before any instance starts. */
  createCell(context: CellContext<C>): CellSystem<H, S, D, W>;
}

/**
 * The report sections a kind adds. The report sits below systems and never imports a kind: the engine
 * writes these into the journal (each cell's `cell-start`), the kind's CellSystem journals the figures
 * (IntervalFigures), results fold them and the report lays them out from that data alone.
 */
export interface KindReport {
  /**
   * A links table: for a kind whose instance has several links (a broker's subscribing clients), each
   * link's latency and counts, its role by the faults on it, and the cell's own counters, worded as the
   * spec says. The kind's `interval` then returns `links` (one entry per link, with the role the spec's
   * `baseline` names for the links with no fault, and the `counts` its columns name) and `system` (with the
   * counters its `system` columns name). Its end-to-end latency should be that of the baseline links.
   */
  links?: LinkTableSpec;
  /**
   * The request outcomes (keys of IntervalFigures.requests) that count as succeeded; every other outcome
   * is a failed request in the report's figures over time. Default: `ok` alone.
   */
  succeededRequests?: readonly string[];
  /**
   * The counters of IntervalFigures.system (and totals' `system`) that are a maximum over instances, not a
   * sum (a broker's `peakMemory`): `duress merge` takes the maximum of the shards' for these and adds the
   * others. Default: none, every counter adds.
   */
  maxCounters?: readonly string[];
}

/** How the kind's instances run, each in its own worker thread (src/engine/isolation/isolated-instance.ts). */
export interface Isolation<C> {
  /**
   * The worker module (`new URL('./worker.js', import.meta.url)`): it calls `serveInstance`
   * (./isolation/worker-protocol.ts) with a function that builds the instance from its start data: the
   * engine's WorkerBaseData, SinkAccess when the kind writes to a sink, and what `spawn` returned.
   */
  readonly worker: URL;
  /** Each worker's V8 heap is capped at the memory limit and half again, but at least this (MB). */
  readonly minHeapMb: number;
  /**
   * How long (wall ms) a worker may take to answer `stop` before it is terminated; default 2000. A kind
   * whose stop waits for something outside the worker (a program's own shutdown) needs longer; undefined:
   * the default.
   */
  stopGraceWallMs?(config: C): number | undefined;
  /**
   * For a kind that resolves names (LinkPlan.dns): the deadline of one lookup, scenario ms, or null for
   * none (a stack that waits forever). Lookups are resolved on the main thread (lookup-relay.ts says why).
   */
  lookupTimeout?(config: C): number | null;
  /**
   * How many instances one worker thread hosts by default (./isolation/shared-worker.ts); absent or 1: a
   * worker per instance, and the scenario may not ask for more. Only a kind whose worker module keeps
   * everything an instance owns in its WorkerContext.scope may share: every timer armed through
   * `scope.clock`, every socket given to `scope.track`, everything else closed in `scope.onKill`, and no
   * state kept in module globals. A scenario's `isolation.instancesPerWorker` overrides the default.
   */
  readonly instancesPerWorker?: number;
}

/**
 * The links of one instance: each is a proxy route on the fault layer that network faults (toxics,
 * `down`) act on, named by a fault's `link:`.
 */
export interface LinkPlan {
  /** Link names, in the order the instance uses them (`sink`; `subscriber-0`, …, `peer-0`, …). */
  names: readonly string[];
  /** The link a fault without `link:` acts on; undefined: every network fault must name its link. */
  defaultLink?: string;
  /**
   * Where the routes lead. `sink`: to the cell's sink (one link), started before the instances; the
   * instance gets its origin (SinkAccess). `instance`: to a port the instance itself listens on; its
   * worker asks for the routes (`WorkerContext.routes`) and connects its own clients through them, and a
   * renewed instance gets the same routes, re-pointed (keeping their toxics and whether they are down).
   * `address`: to a service outside duress (`LinkPlan.address`, an HTTP load's target), one link, made at
   * the cell's start; the instance gets its route's origin as SinkAccess.origin (with no channel).
   */
  upstream: 'sink' | 'instance' | 'address';
  /** With `upstream: 'address'`: where the routes lead, `host:port` (a bracketed IPv6 address as in a URL). */
  address?: string;
  /** With `upstream: 'address'`: the scheme the instance speaks through its route, `http` by default. */
  scheme?: 'http' | 'https';
  /**
   * The instance reaches the sink by its slot's own DNS name (`i<slot>.sink.duress.test`), served by the
   * cell's DNS fault server, so DNS faults act on one instance. Only with `upstream: 'sink'`.
   */
  dns: boolean;
  /** How a message explains the links: `the forwarder has one link, sink`. */
  describe: string;
  /**
   * With `dns: false`, why DNS faults cannot reach the instance, when the kind knows better than "it
   * makes no lookups" (a real program resolves through its own resolver unless it is told to use duress's).
   */
  noDns?: string;
  /**
   * Where each slot's routes listen, when not 127.0.0.1 on a free port: a loopback address of its own
   * (127.x.y.z, so a program that insists on a fixed port still gets a route per instance) and, optionally,
   * a fixed port. Only with `upstream: 'sink'`.
   */
  listen?(cell: number, slot: number): { host: string; port: number };
  /**
   * With `dns`: where the cell's DNS fault server listens, when not 127.0.0.1 on a free port (a program told
   * of it through /etc/resolv.conf, which names no port, can only ask port 53), and the addresses to try
   * after `host` when another server holds it on that port (DnsServerOptions.fallbackHosts). The instances
   * are told the address the server took.
   */
  dnsListen?(cell: number): { host: string; port: number; fallbackHosts?: readonly string[] };
}

/** What the engine gives `createCell`. */
export interface CellContext<C> {
  /** The cell's system config (matrix overrides applied). */
  config: C;
  /** The cell's index in the run. */
  cell: number;
  /** Instance slots of the cell. */
  instances: number;
  /** The scenario's `failures`: the hang window (scenario ms) and the memory limit (bytes, 0 none). */
  hangWindow: number;
  memoryLimit: number;
  /** The scenario's faults (as written, resolved): e.g. to tell faulted links from clean ones. */
  faults: readonly FaultSpec[];
  clock: ScaledClock;
  /**
   * The cell's time 0, scenario epoch ms: when its first instances all run, the origin fault `at` times
   * and the report's times count from. NaN while they boot (a watch made then starts before it).
   */
  origin(): number;
  /** The cell's sink's deliveries, when the kind names a sink: every record the sink accepts. */
  sink?: DeliveryFeed;
  /** What the proxy routes of the cell's slots show (to the sink or the kind's address); absent in tests that make cells by hand. */
  routes?: RouteView;
}

/** The in-flight view of a slot's proxy route, for a watch to tell a program waiting on its sink from one doing nothing. */
export interface RouteView {
  /**
   * Scenario ms since which slot `slot`'s route has carried a request the sink has not answered (its oldest
   * such open connection), null when none; undefined when the fault layer cannot tell (a real Toxiproxy
   * server). Sampled when asked: ask it on every check (the watchdog's 50 ms is its precision). A sink that
   * never answers (a TCP line sink) always looks unanswered.
   */
  awaitingAnswerSince(slot: number): number | null | undefined;
}

/** What a system sees of its sink: the records it accepted (the engine's accounting finds them by id). */
export interface DeliveryFeed {
  onDelivered(listener: (records: readonly { message: string }[], receivedAt: number) => void): () => void;
}

/** A running instance of the cell, as hooks see it: its slot, id and last heartbeat. */
export interface LiveInstance<H> {
  slot: number;
  id: string;
  last: H | undefined;
}

/**
 * The kind's part of one cell: its accounting, its watch and its figures. Every method is called on the
 * main thread; none may block (the watchdog runs on the same thread).
 */
export interface CellSystem<H extends BaseHeartbeat, S extends BaseStopped, D extends object, W extends Watch> {
  /**
   * The sink's name for one slot's traffic (a CloudWatch log stream), the same for every generation;
   * sink faults are scoped by it. Only for a kind that names a sink.
   */
  channel?(slot: number): string;
  /** Called before any instance starts (warm-ups); optional. */
  open?(): Promise<void>;
  /** A new instance (`id`: `c<cell>s<slot>g<generation>`) is being made in `slot`: its start data beyond the engine's. */
  spawn(slot: number, id: string): D;
  /** The watch of an instance that started running at `startedAt` (scenario epoch ms). */
  watchFor(startedAt: number): W;
  /**
   * The limit (bytes, 0 none) the kind's watch judges an instance worker's live memory against
   * (Watch.overMemory), handed to the worker so that it forces a full collection when its memory in use
   * goes over it (WorkerBaseData.memoryLimit, isolation/worker-health.ts) and the limit is judged in time.
   * Optional: by default the scenario's `failures.memoryLimit`. A kind whose watch judges something else
   * (a real program's resident set) returns 0, and its workers never force a collection.
   */
  workerMemoryLimit?(): number;
  /**
   * The watchdog's verdict on a running instance now (scenario epoch ms), if it failed: a hang or memory
   * (crashes are the isolation's). `last`: its last heartbeat; `frozen`: a pause fault holds it now.
   */
  check(watch: W, id: string, last: H | undefined, now: number, frozen: boolean): Verdict | undefined;
  /** A heartbeat's figures (counts, latency, peaks). `current`: the instance is still its slot's (not failing). */
  heartbeat(slot: number, id: string, hb: H, current: boolean): void;
  /**
   * An instance ended: `final` is its own last account when it stopped when asked, undefined when it
   * failed (or did not answer the stop); `last` its last heartbeat.
   */
  ended(slot: number, id: string, last: H | undefined, final: S | undefined): void;
  /** Delivery counts of the cell so far (final once every instance ended). */
  deliveryCounts(live: readonly LiveInstance<H>[]): DeliveryCounts;
  /** This interval's figures: latencies since the last call and cumulative counters. */
  interval(live: readonly LiveInstance<H>[]): IntervalFigures;
  /** After every instance ended: each instance that silently lost records (one failure each). */
  losses(drained: boolean): Loss[];
  /**
   * Optional: whether the drain is over for the cell, when the kind knows better than its instances'
   * heartbeats (`drained` of each): a real program cannot say what it still holds, its deliveries can.
   */
  drained?(live: readonly LiveInstance<H>[]): boolean;
  /** For `cell-end`: request outcomes and system counters over every instance that ran. */
  totals(live: readonly LiveInstance<H>[]): { requests: Record<string, number>; system: Record<string, number> };
}

/** A kind's share of an interval journal event (the engine adds time, exposure, memory and lag). */
export interface IntervalFigures {
  /** End-to-end latency of this interval's deliveries, scenario ms. */
  endToEnd: Histogram;
  /** Latency of this interval's output requests (an empty histogram for a kind that makes none). */
  request: Histogram;
  /** Request outcomes, cumulative. */
  requests: Record<string, number>;
  /** Figures beyond the common ones: per-link figures for the kind's links table (KindReport.links), its counters now. */
  extra?: Pick<IntervalEvent, 'links' | 'system'>;
}

/** An instance that lost records no declared drop explains: a `loss` failure with this evidence. */
export interface Loss {
  slot: number;
  id: string;
  evidence: Record<string, unknown>;
  /**
   * The failure's mode: `loss` (the default), or `hang` for an instance that was found stuck only when it
   * was stopped (a program that ignored SIGTERM for its grace period).
   */
  mode?: 'loss' | 'hang';
}
