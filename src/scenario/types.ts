import type { FaultSpec } from '../faults/fault-spec.js';
import type { ReportFormat } from '../report/renderers/registry.js';

/** A fault on the timeline (its kind's descriptor, src/faults/fault-kind.ts, says what its fields are). */
export type { FaultSpec } from '../faults/fault-spec.js';

/**
 * A scenario after loading, validation and defaults: what the engine runs.
 *
 * Units are resolved here, once: every duration is in milliseconds of *scenario* time (the clock
 * scales them to wall time), every rate is per second of scenario time, every size is in bytes.
 * The YAML form (see schema.ts) accepts `500ms`, `10s`, `2h`, `2000/s`, `64MB`; a bare number is a rate per second or a size in bytes, never a duration.
 */
export interface Scenario {
  name: string;
  description: string | undefined;
  /** Every random choice of the run derives from this. */
  seed: number;
  /** How long each cell runs, in scenario ms. */
  duration: number;
  /** Independent copies of the system per cell. */
  instances: number;
  /** After `duration`, how long the run waits for buffered records to be delivered (scenario ms). */
  drain: number;
  clock: ClockConfig;
  system: SystemConfig;
  sink: SinkConfig;
  failures: FailuresConfig;
  /** How instances share worker threads; absent: the system kind's default. */
  isolation?: IsolationConfig | undefined;
  /** Faults to inject, resolved; buildTimeline (src/faults/timeline.ts) turns them into occurrences. */
  faults: FaultSpec[];
  /** Dimension name -> value name -> overrides (deep-merged into the scenario). */
  matrix: Record<string, Record<string, Record<string, unknown>>>;
  /** Threshold expressions such as `lost == 0` or `p99{variant=patch} < 2s`. */
  thresholds: string[];
  report: ReportConfig;
}

export interface ClockConfig {
  /** Scenario seconds per wall second. 1 = real time. */
  speed: number;
}

/**
 * The system under test: `kind` names a registered SystemKind (src/systems/registry.ts), whose schema
 * fragment gives the rest of the fields (src/systems/<kind>/config.ts types them).
 */
export interface SystemConfig {
  kind: string;
  [field: string]: unknown;
}

/**
 * The mock service the system writes to: `kind` names a registered SinkKind (src/sinks/registry.ts),
 * whose schema fragment gives the rest of the fields.
 */
export interface SinkConfig {
  kind: string;
  [field: string]: unknown;
}

export interface FailuresConfig {
  /** Input keeps arriving but nothing is delivered for this long: a hang (scenario ms). */
  hangWindow: number;
  /**
   * Live memory per instance above which it is declared failed (bytes); 0 = no limit. Live memory: V8 heap
   * in use after a full collection plus external memory; two full collections in a row over it (src/systems/watch.ts).
   */
  memoryLimit: number;
  /** Confidence of the hours-to-failure lower bound, e.g. 0.95. */
  confidence: number;
}

export interface IsolationConfig {
  /**
   * Instances one worker thread hosts (src/systems/isolation/shared-worker.ts); absent: the system kind's
   * default (SystemKind.isolation.instancesPerWorker). 1: a worker per instance, the strictest isolation.
   */
  instancesPerWorker?: number | undefined;
}

export interface ReportConfig {
  /** Metrics interval for the journal and the over-time charts (scenario ms). */
  interval: number;
  /** Which renderers run after a run. */
  formats: ReportFormat[];
}

export type { ReportFormat };
