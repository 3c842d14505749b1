/**
 * Faults as a scenario declares them, after loading: every duration in scenario ms, every size in bytes.
 * The YAML form is in src/scenario/fault-schema.ts; when and where each fault happens is decided by
 * buildTimeline (timeline.ts) from these specs and the run's seed.
 */

/** A duration that is fixed (`min === max`) or drawn uniformly from [min, max] with the fault's seed. Scenario ms. */
export interface DurationRange {
  min: number;
  max: number;
}

/** How a fault repeats after its first start at `at`. */
export type FaultRepeat =
  /** `every: 10m`: starts at `at`, `at + interval`, `at + 2 * interval`, … */
  | { kind: 'periodic'; interval: number }
  /** `every: ~20m`: between one occurrence's end and the next start, an exponential gap with this mean (seeded). */
  | { kind: 'random'; mean: number };

/** Which instances each occurrence hits; they are chosen anew for every occurrence, from the seed. */
export type FaultTarget =
  /** `share: 0.5`: this fraction of the instances, rounded, at least one. */
  | { kind: 'share'; share: number }
  /** `instances: 3`: exactly this many. */
  | { kind: 'count'; count: number };

/** When a fault happens and on which instances; every fault kind carries these. */
export interface FaultTiming {
  /** Given in the scenario, or derived: `<kind>#<n>`, n counting faults of that kind from 1 (`latency#1`). */
  name: string;
  /** First start, scenario ms from the start of the cell. */
  at: number;
  /** How long each occurrence lasts; absent: until the end of the cell. */
  for?: DurationRange;
  /** Repetition; absent: once. */
  every?: FaultRepeat;
  target: FaultTarget;
}

/**
 * Which of an instance's network links a fault acts on: the proxy route in front of it. A forwarder has one
 * link, `sink` (the default); a broker has one per subscribing client, `subscriber-<j>` and `peer-<k>`.
 */
export interface LinkField {
  link?: string;
}

/** Fields of the faults applied as Toxiproxy toxics on one link of each instance (by default its link to the sink). */
export interface ToxicFields extends FaultTiming, LinkField {
  /** `downstream` (sink → system, the default) or `upstream` (system → sink). */
  stream: 'upstream' | 'downstream';
  /** Probability (0..1) that a connection direction is affected, rolled as Toxiproxy rolls it. */
  toxicity: number;
}

/** Each chunk is held for latency ± jitter (uniform). */
export interface LatencySpec extends ToxicFields {
  kind: 'latency';
  latency: number;
  jitter: number;
}

/** Throughput limited to `rate` KB/s (1 KB = 1000 B, as Toxiproxy counts); 0 stalls the stream. */
export interface BandwidthSpec extends ToxicFields {
  kind: 'bandwidth';
  rate: number;
}

/** The close is held back for `delay` after the stream ends. */
export interface SlowCloseSpec extends ToxicFields {
  kind: 'slow_close';
  delay: number;
}

/**
 * Toxiproxy's timeout: data is swallowed and the connection closed after `timeout` without data (0: not on
 * its own while the fault lasts), or as soon as the far end closes.
 */
export interface TimeoutSpec extends ToxicFields {
  kind: 'timeout';
  timeout: number;
}

/**
 * duress's own (real Toxiproxy has no such toxic): as timeout, but the far end's close is swallowed too, so
 * the connection stays open and silent after the server is gone. `timeout` as timeout's, while the far end is open.
 */
export interface SilentSpec extends ToxicFields {
  kind: 'silent';
  timeout: number;
}

/** On the first data, after `timeout`, the connection is reset (TCP RST). */
export interface ResetPeerSpec extends ToxicFields {
  kind: 'reset_peer';
  timeout: number;
}

/** Data is split into slices of about averageSize ± sizeVariation bytes, `delay` apart (scenario ms). */
export interface SlicerSpec extends ToxicFields {
  kind: 'slicer';
  averageSize: number;
  sizeVariation: number;
  delay: number;
}

/** Up to `bytes` bytes pass per connection direction, then the connection is closed. */
export interface LimitDataSpec extends ToxicFields {
  kind: 'limit_data';
  bytes: number;
}

export type ToxicSpec = LatencySpec | BandwidthSpec | SlowCloseSpec | TimeoutSpec | SilentSpec | ResetPeerSpec | SlicerSpec | LimitDataSpec;

/** The proxy route of one link of the instance is disabled: connections are refused and open ones closed. */
export interface DownSpec extends FaultTiming, LinkField {
  kind: 'down';
}

/** Fields of the faults of the loopback DNS server. */
export interface DnsFields extends FaultTiming {
  /** Share of matching queries hit (0..1), rolled per query. */
  toxicity: number;
}

/** Queries are never answered. */
export interface DnsStallSpec extends DnsFields {
  kind: 'dns-stall';
}

/** Answers are held back for delay ± jitter. */
export interface DnsDelaySpec extends DnsFields {
  kind: 'dns-delay';
  delay: number;
  jitter: number;
}

/** The name does not exist. */
export interface DnsNxdomainSpec extends DnsFields {
  kind: 'dns-nxdomain';
}

/** The server fails (SERVFAIL). */
export interface DnsServfailSpec extends DnsFields {
  kind: 'dns-servfail';
}

/** The name resolves to these addresses instead. */
export interface DnsWrongAddressSpec extends DnsFields {
  kind: 'dns-wrong-address';
  address: string[];
}

export type DnsSpec = DnsStallSpec | DnsDelaySpec | DnsNxdomainSpec | DnsServfailSpec | DnsWrongAddressSpec;

/** Every PutLogEvents is answered ThrottlingException. */
export interface SinkThrottleSpec extends FaultTiming {
  kind: 'sink-throttle';
}

/** Requests are answered with this status (ServiceUnavailableException). */
export interface SinkErrorSpec extends FaultTiming {
  kind: 'sink-error';
  status: 500 | 503;
}

/** Service time added to every answer. */
export interface SinkSlowSpec extends FaultTiming {
  kind: 'sink-slow';
  latency: number;
}

/** The connection is destroyed mid-response; with afterStore the request took effect first. */
export interface SinkDropConnectionSpec extends FaultTiming {
  kind: 'sink-drop-connection';
  afterStore: boolean;
}

/** Idle keep-alive connections are closed after `after` (the whole sink: it has no per-stream filter). */
export interface SinkCloseIdleSpec extends FaultTiming {
  kind: 'sink-close-idle';
  after: number;
}

/** Batches are accepted but neither stored nor emitted: silent loss. */
export interface SinkDiscardSpec extends FaultTiming {
  kind: 'sink-discard';
}

/** Batches are stored, then answered 500 so that the client sends them again. */
export interface SinkDuplicateSpec extends FaultTiming {
  kind: 'sink-duplicate';
}

export type SinkSpec =
  | SinkThrottleSpec
  | SinkErrorSpec
  | SinkSlowSpec
  | SinkDropConnectionSpec
  | SinkCloseIdleSpec
  | SinkDiscardSpec
  | SinkDuplicateSpec;

/** The instance is killed (instantaneous: it has no `for`); the cell replaces it as after any crash. */
export interface KillSpec extends Omit<FaultTiming, 'for'> {
  kind: 'kill';
  for?: undefined;
}

/** The instance is frozen for `for` (required). */
export interface PauseSpec extends FaultTiming {
  kind: 'pause';
  for: DurationRange;
}

export type InstanceSpec = KillSpec | PauseSpec;

/** A fault of a scenario, resolved. */
export type FaultSpec = ToxicSpec | DownSpec | DnsSpec | SinkSpec | InstanceSpec;

export type FaultKind = FaultSpec['kind'];

export const TOXIC_KINDS = ['latency', 'bandwidth', 'slow_close', 'timeout', 'silent', 'reset_peer', 'slicer', 'limit_data'] as const satisfies readonly ToxicSpec['kind'][];
export const DNS_KINDS = ['dns-stall', 'dns-delay', 'dns-nxdomain', 'dns-servfail', 'dns-wrong-address'] as const satisfies readonly DnsSpec['kind'][];
export const SINK_KINDS = [
  'sink-throttle',
  'sink-error',
  'sink-slow',
  'sink-drop-connection',
  'sink-close-idle',
  'sink-discard',
  'sink-duplicate',
] as const satisfies readonly SinkSpec['kind'][];
export const INSTANCE_KINDS = ['kill', 'pause'] as const satisfies readonly InstanceSpec['kind'][];

/** Every fault kind, in the order the schema lists them. */
export const FAULT_KINDS: readonly FaultKind[] = [...TOXIC_KINDS, 'down', ...DNS_KINDS, ...SINK_KINDS, ...INSTANCE_KINDS];

/** Toxic kinds that only duress's embedded proxy has: a scenario using one cannot run against a real Toxiproxy. */
export const DURESS_ONLY_TOXIC_KINDS: readonly ToxicSpec['kind'][] = ['silent'];

export function isToxicSpec(spec: FaultSpec): spec is ToxicSpec {
  return (TOXIC_KINDS as readonly string[]).includes(spec.kind);
}

export function isDnsSpec(spec: FaultSpec): spec is DnsSpec {
  return (DNS_KINDS as readonly string[]).includes(spec.kind);
}

export function isSinkSpec(spec: FaultSpec): spec is SinkSpec {
  return (SINK_KINDS as readonly string[]).includes(spec.kind);
}

/** Faults that act on one network link of an instance (its proxy route). */
export function isLinkSpec(spec: FaultSpec): spec is ToxicSpec | DownSpec {
  return isToxicSpec(spec) || spec.kind === 'down';
}

/** Faults that happen at one instant and have no duration. */
export function isInstantaneous(spec: FaultSpec): spec is KillSpec {
  return spec.kind === 'kill';
}

export { toxicAttributes, type ToxicPayload, type ToxicAttributesOptions } from './fault-spec-toxic.js';
export { toDnsFault } from './fault-spec-dns.js';
export { toSinkFault, type SinkFaultOptions } from './fault-spec-sink.js';
export { describeFault } from './fault-spec-describe.js';
