import type { Proxy } from 'toxiproxy-node-client';
import type { z } from 'zod';
import type { DnsServer } from './dns-server.js';
import type { FaultSpec } from './fault-spec.js';

/**
 * A fault kind: everything duress knows about one `kind` of the scenario's `faults`, in one descriptor,
 * registered once (registerFaultKind in fault-kinds.ts). This is the extension point for faults. Every
 * part of duress that deals with faults reads the registered descriptors and nothing else:
 *
 * - the scenario schema (src/scenario/fault-schema.ts) makes one entry per kind from `params` and `forField`,
 *   in registration order (the order error messages and the JSON Schema list the kinds in);
 * - the scenario checks use `acts` (which links, DNS or sink a system must have) and `defaultTarget`;
 * - the timeline uses `instantaneous`; the clock check `scaledDurations`; `duress run --toxiproxy` refuses
 *   the kinds with `notInToxiproxy`; a broker's subscriber roles use `stopsData`;
 * - journals and reports describe an occurrence with `describe`;
 * - the engine starts and lifts each occurrence through `apply`, handing it the cell's FaultTargets.
 *
 * A toxic is declared with registerToxicKind (toxic-kind.ts), which also registers its stub-pipeline
 * implementation with the fault proxy: one file per toxic in src/faults/toxics/. DNS faults are in
 * dns-fault-kinds.ts, `down` in down-fault-kind.ts, kill and pause in instance-fault-kinds.ts; a sink's
 * faults shared by the mock sinks are in src/sinks/shared/fault-kinds.ts, a sink's own live with it.
 *
 * `S` is the resolved spec of the kind: the timing, `kind` and what `params` outputs (SpecOf).
 */
export interface FaultKind<S extends FaultSpec = FaultSpec> {
  /**
   * The `kind` in scenario files, journals and reports. For a toxic, also its Toxiproxy wire type
   * (`latency`, `slow_close`); other kinds use kebab-case with a family prefix (`dns-delay`, `sink-error`).
   */
  readonly name: string;
  /** One sentence for the JSON Schema: what the fault does. */
  readonly description: string;
  /**
   * What the fault acts on, which the scenario checks against the system:
   * `link` a proxy route in front of an instance (it may name one with `link`); `dns` the loopback DNS
   * server's answers for the instance's names; `sink` the cell's sink; `instance` the instance itself.
   */
  readonly acts: 'link' | 'dns' | 'sink' | 'instance';
  /**
   * For a sink's own fault (`acts: 'sink'`): the sink kind it belongs to (`toy-tcp`), whose Sink `apply`
   * finds in `targets.sink`. The scenario refuses it where the system writes to another kind of sink.
   * Absent on a sink fault shared by several sinks (src/sinks/shared/fault-kinds.ts): each sink kind lists the
   * shared ones it applies (SinkKind.faults), and the scenario refuses the others.
   */
  readonly sink?: string | undefined;
  /**
   * The kind's scenario parameters (besides `kind`, the timing keys and `for`), as a zod shape. Use the
   * unit-field helpers (duration(), size(), flag() from the scenario fields) so units, messages and the JSON
   * Schema's patterns are those of every other field. Their output is the spec's fields, in scenario units
   * (ms, bytes).
   */
  readonly params: z.core.$ZodLooseShape;
  /**
   * The schema of `for`. Absent: optional, a duration or range (the fault lasts to the end of the cell
   * without it). Kill forbids it (instantaneous), pause requires it.
   */
  readonly forField?: z.ZodType | undefined;
  /**
   * Whom an occurrence hits when the scenario gives neither `share` nor `instances`: `all` instances, or
   * `one` (the instance faults, so failures stay independent unless the scenario asks otherwise).
   */
  readonly defaultTarget: 'all' | 'one';
  /** Happens at one instant and has no `for` (kill): each occurrence ends where it starts. */
  readonly instantaneous?: boolean | undefined;
  /**
   * The spec's keys whose value is a duration the scenario clock scales (scenario ms): the clock check
   * refuses a speed at which one would fall below what the machine can time. `for` is always checked.
   * Durations not timed by duress (none today) must be left out.
   */
  readonly scaledDurations: readonly string[];
  /**
   * Stops the data or the connection on its link (timeout, silent, reset_peer, limit_data, down), rather
   * than slowing or reshaping it: a broker's subscriber behind such a fault is `dead`, not `slow`.
   * Per the toxic contract (CONTRACT.md) only such toxics may discard data.
   */
  readonly stopsData: boolean;
  /**
   * With these parameters it stops the data on its link without discarding any (bandwidth at rate 0: the
   * stream stalls, the sender's writes back up): a broker's subscriber behind it is `dead` too. Optional.
   */
  readonly stalls?: ((spec: Readonly<Record<string, unknown>>) => boolean) | undefined;
  /** Holds the end of the stream back for good (silent): the far end's close never passes. */
  readonly holdsEnd?: boolean | undefined;
  /**
   * Set when a real Toxiproxy server (`--toxiproxy`) cannot apply this kind (duress's own toxics): the
   * scenario is refused before anything starts. `instead` is the hint: what to use with Toxiproxy.
   */
  readonly notInToxiproxy?: { readonly instead: string } | undefined;
  /**
   * The parameters in a few words, as they follow the kind in journals and reports: ` 200ms±20ms`, ` 503`,
   * ` after 5s`, or '' (a leading space when not empty). `stream`, `toxicity` and `link` are added by
   * describeFault for every kind that has them.
   */
  describe(spec: S): string;
  /**
   * Starts one occurrence on its instances and resolves to what lifts it (called when the occurrence ends;
   * never for an instantaneous kind's, which have nothing to lift). Throws when the targets lack what the
   * kind acts on (a DNS fault where the system resolves no names).
   */
  apply(occurrence: FaultApplication<S>, targets: FaultTargets): Promise<LiftFault>;
}

/** Lifts an occurrence that `apply` started. */
export type LiftFault = () => Promise<void>;

/** One occurrence of a fault, as the timeline made it (a FaultOccurrence). */
export interface FaultApplication<S extends FaultSpec = FaultSpec> {
  /** `<fault name>/<n>`: unique in the cell. */
  readonly id: string;
  /** Scenario ms from the start of the cell. */
  readonly start: number;
  /** Scenario ms, at most the cell's duration. */
  readonly end: number;
  /** Instance slots hit, sorted. */
  readonly instances: readonly number[];
  readonly spec: S;
}

/**
 * What faults act on, per instance slot of a cell: the engine builds one per cell (from the system's links,
 * its DNS server and its sink) and hands it to every `apply`. A kind uses only the part named by its `acts`.
 */
export interface FaultTargets {
  /** 1 for the embedded proxy (scenario units), the clock speed for a real Toxiproxy (wall units). */
  toxicSpeed: number;
  /**
   * The proxy route of one link of a slot's instance (`sink` when undefined, the forwarder's only link;
   * a broker's `subscriber-<j>`, `peer-<k>`), as a toxiproxy-node-client Proxy, so the same code drives the
   * embedded proxy and a real Toxiproxy. Read anew each time: a route may be replaced by a renewal.
   */
  route(slot: number, link: string | undefined): Proxy;
  /** The cell's DNS fault server; absent for a system that resolves no names (a broker). */
  dns?: DnsServer | undefined;
  /** The name a slot's instance resolves, which DNS faults are added for. */
  dnsName(slot: number): string;
  /**
   * The cell's sink; absent for a system without one (a broker). Its type is the sink's own: only that
   * sink's fault kinds use it, and they check it is theirs.
   */
  sink?: unknown;
  /** The sink-side name of a slot's instance (a CloudWatch log stream), to limit a sink fault to the instances hit. */
  stream(slot: number): string;
  /** Kills a slot's instance now (the cell replaces it as after any crash). */
  kill(slot: number, occurrence: string): void;
  /** Freezes a slot's instance for this many scenario ms. */
  freeze(slot: number, scenarioMs: number): void;
}

/** The resolved spec of a kind named K whose parameters are the zod shape P. */
export type SpecOf<K extends string, P extends z.core.$ZodLooseShape> = FaultSpec & { kind: K } & z.output<z.ZodObject<P>>;
