import type { z } from 'zod';
import type { Clock } from '../core/clock.js';

/**
 * A mock service a system under test writes to: the CloudWatch Logs API (cloudwatch/), a generic HTTP
 * endpoint (http/) and a TCP line sink (tcp/). The engine starts one per cell, on loopback, through the
 * registry (registry.ts), when the cell's system kind names a sink (SystemKind.sink); every instance reaches
 * it through its own proxy route, so network faults hit one instance. A system never imports a sink: it
 * reaches it only over the network.
 *
 * What a sink must do:
 *   - serve on 127.0.0.1, port 0 (any free port), over TLS when its config asks (its CA as PEM and as a
 *     file, for programs that read one), and say where (`start`);
 *   - hand every record it accepts to the engine's delivery accounting (`onDelivered`), with the time it
 *     arrived: the records carry duress's record format (src/delivery/record-message.ts: source id and
 *     sequence number in the message), so the accounting finds each record by its id, whatever the wire and
 *     wherever the id sits in what arrived (recordMessagesIn cuts a line or element at each id);
 *   - apply its own faults (errors, throttling, slowness, dropped connections, discarded or duplicated
 *     batches) on demand (`faults`), each scoped to the traffic of some instances, named by channel; the
 *     faults several sinks share are in shared/ (fault-types.ts, sink-faults.ts), and a kind lists those it
 *     applies (SinkKind.faults);
 *   - stop at once, closing every connection (`stop`), and report its own counters for the journal.
 *
 * Channels: a sink tells instances' traffic apart by a name the system chooses per slot (the system kind's
 * `channel`): the CloudWatch sink by log stream, the HTTP sink by the first segment of the request path
 * (`/<channel>`), the TCP line sink by a first line `hello <channel>` when it is told to expect one. Faults
 * name channels.
 */
export interface Sink<Fault = unknown> {
  /** Listens (127.0.0.1, port 0 unless the options say otherwise); resolves with where it is reached. */
  start(): Promise<SinkEndpoint>;
  /** Closes the listener and every connection at once, cancels pending answers and ends all faults. */
  stop(): Promise<void>;
  /**
   * Called once per accepted batch of records, in the order accepted, with the scenario epoch ms at which
   * the request arrived. Returns an unsubscribe function. A listener that throws is the sink's to report,
   * never the client's problem.
   */
  onDelivered(listener: DeliveredListener): () => void;
  /** The sink's own faults, by id. */
  readonly faults: SinkFaultControl<Fault>;
  /** The sink's counters now, as the cell's `cell-end` journal event carries them (plain JSON data). */
  report(): Record<string, unknown>;
}

/** Where a started sink is reached. */
export interface SinkEndpoint {
  host: string;
  port: number;
  /** `http://host:port`, `https://host:port`, `tcp://host:port`: what to give a client. */
  url: string;
  /** With TLS: the CA certificate (PEM) that signed the sink's certificate, for the client to trust. */
  ca?: string;
  /**
   * With TLS: a file holding `ca`, for a program that reads its CA from a file (a process target's config
   * template gets it: Fluent Bit's `tls.ca_file`, syslog-ng's `ca-file()`). Written at start (to a fresh
   * temporary folder unless the sink was told where), removed at stop.
   */
  caFile?: string;
}

/** Records a sink accepted, each with its message as the system sent it. */
export type DeliveredListener = (records: readonly { message: string }[], receivedAt: number) => void;

/** Starting and lifting a sink's own faults; `Fault` is the sink's fault spec (CloudWatch: SinkFaultSpec). */
export interface SinkFaultControl<Fault> {
  /** Activates a fault now and returns its id. Throws RangeError on a malformed spec. */
  add(fault: Fault): string;
  /** Ends a fault early; false when no active fault has that id. */
  remove(id: string): boolean;
}

/** What the engine gives a sink kind to make a cell's sink. */
export interface SinkOptions {
  /** The cell's clock: the sink's own durations (latency, idle timeouts, fault windows) are scenario time. */
  clock: Clock;
  /**
   * DNS names the instances reach the sink by (`*.sink.duress.test`): a TLS certificate must cover them
   * so they verify it as real clients would.
   */
  tlsNames: readonly string[];
}

/**
 * A kind of sink: registered once (src/sinks/builtin.ts for the built-in ones), chosen by a scenario's
 * `sink: { kind: <name> }`. Adding a sink is one folder (src/sinks/<name>/) and one registration line.
 */
export interface SinkKind<Config extends { kind: string } = { kind: string }> {
  /** The scenario's `sink.kind`, e.g. `cloudwatch`. */
  readonly name: string;
  /**
   * The scenario's `sink:` section for this kind: a zod strict object whose `kind` is `z.literal(name)`,
   * with every default applied (output: `Config`). The scenario schema puts it in a union on `kind`.
   */
  readonly schema: z.ZodType<Config, unknown>;
  /** A cell's sink, not started yet. */
  create(config: Config, options: SinkOptions): Sink;
  /**
   * The shared sink fault kinds (src/sinks/shared/fault-kinds.ts: `sink-error`, `sink-throttle` …) this kind's
   * Sink applies: its `faults.add` takes their SinkFaultSpec (src/sinks/shared/fault-types.ts). The scenario
   * refuses the others on this sink. A sink's own fault kinds (FaultKind.sink naming it) need no listing.
   */
  readonly faults?: readonly string[];
  /** Durations of the config the clock scales, with their key paths under `sink.` (the clock check refuses a speed that makes them too short). */
  scaledDurations(config: Config): { path: string; ms: number }[];
}
