import type { DeliveryCounts } from '../delivery/ledger.js';

/**
 * journal.jsonl: one JSON object per line, appended as the run goes. It holds everything results and
 * reports are made from, so `duress report DIR` can rebuild them from the journal alone, even from one
 * cut off in the middle of a line. Times named `at` are scenario ms since the cell's start.
 */
export type JournalEvent =
  | RunStartEvent
  | { t: 'cell-start'; cell: number; wall: string }
  | { t: 'instance-start'; cell: number; slot: number; id: string; at: number }
  | { t: 'instance-end'; cell: number; slot: number; id: string; at: number; reason: 'failed' | 'stopped' }
  | FaultStartEvent
  | { t: 'fault-end'; cell: number; id: string; at: number; error?: string }
  | { t: 'fault-error'; cell: number; id: string; at: number; error: string }
  | FailureEvent
  | IntervalEvent
  | CellEndEvent
  | HarnessEvent
  | { t: 'run-end'; wall: string; wallMs: number; interrupted: string | undefined };

/**
 * duress itself was in trouble, not the system under test: a worker that could not boot (`worker-boot`),
 * a cell that could not start (`cell-start`), duress's event loop stalled long enough to distort what it
 * measures (`event-loop-lag`, harness-lag.ts). Never a failure, never running time; reports say the run's
 * harness was in trouble. `at`: the cell's time when known; `wallMs`: wall ms since the run started.
 */
export interface HarnessEvent {
  t: 'harness';
  cell?: number;
  slot?: number;
  at?: number;
  wallMs: number;
  kind: 'worker-boot' | 'cell-start' | 'event-loop-lag';
  detail: string;
}

export interface CellInfo {
  index: number;
  /** e.g. `variant=patch,keepalive=on`, or `default` without a matrix. */
  name: string;
  /** Matrix dimension -> value name. */
  values: Record<string, string>;
  instances: number;
  duration: number;
}

export interface RunStartEvent {
  t: 'run-start';
  format: 'duress-journal/1';
  duressVersion: string;
  wall: string;
  file: string;
  /** The scenario as resolved (defaults and overrides applied), before matrix overrides. */
  scenario: JournalScenario;
  speed: number;
  cells: CellInfo[];
}

export interface FaultStartEvent {
  t: 'fault-start';
  cell: number;
  id: string;
  kind: string;
  /** Instance slots it touches. */
  slots: number[];
  at: number;
  description: string;
}

export type FailureMode = 'crash' | 'hang' | 'memory' | 'loss';

export interface FailureEvent {
  t: 'failure';
  cell: number;
  slot: number;
  id: string;
  at: number;
  mode: FailureMode;
  /** What was seen: a stack, an exit code, the last progress, memory figures. */
  evidence: Record<string, unknown>;
  /** Fault occurrences active on this instance at that moment (id and description). */
  faults: { id: string; description: string }[];
}

/** Harness lag of one interval, wall ms (harness-lag.ts): scale by the clock speed for scenario time. */
export interface IntervalLag {
  /** Worst and 99th-percentile event-loop delay of duress's main thread. */
  mainMaxMs: number;
  mainP99Ms: number;
  /** Worst event-loop delay any instance worker of the cell reported (paused ones left out). */
  workerMaxMs: number;
}

export interface IntervalEvent {
  t: 'interval';
  cell: number;
  at: number;
  wallMs: number;
  /** Cumulative ledger counts at this moment (loss is only final at the cell's end). */
  delivery: DeliveryCounts;
  /** Cumulative instance running time (scenario ms) and failures so far. */
  exposureMs: number;
  failures: number;
  /** This interval's latency, HdrHistogram compressed base64, µs of scenario time. */
  endToEnd: string;
  request: string;
  requests: Record<string, number>;
  /** duress's own resident memory, and the largest instance memory (heap plus external), bytes. */
  rss: number;
  maxInstanceMemory: number;
  /** duress's own event-loop delay this interval (absent in journals before it was measured). */
  lag?: IntervalLag;
  /** A broker cell: each subscribing client, over every instance of the cell. */
  subscribers?: SubscriberInterval[];
  /** A broker cell: the broker's memory and counters now (queuedBytes, deepestQueue, peakQueuedBytes, …). */
  system?: Record<string, number>;
}

/**
 * One subscribing client of a broker cell in one interval. A client is the same in every instance of the
 * cell (`subscriber-2` is the third subscriber of each), so its figures are summed over the instances.
 */
export interface SubscriberInterval {
  /** Its link: `subscriber-<j>` or `peer-<k>`. */
  name: string;
  /** By the faults on its link (subscriber-roles.ts). */
  role: SubscriberRole;
  /**
   * This interval's end-to-end latency, HdrHistogram compressed base64, µs of scenario time: lossless, so
   * results merge intervals exactly (summaries are made there; making them here would cost the main
   * thread, which carries every subscriber's traffic through the proxies, milliseconds per interval).
   */
  latency: string;
  /** Cumulative over every instance so far: messages first delivered to it. */
  delivered: number;
  /** Cumulative: refused by its inbox policy (drop-newest). */
  dropped: number;
  /** Cumulative: lost to its disconnections (queued or published after it was cut off). */
  cut: number;
  /** Cumulative: times it was cut off by the inbox policy (once per instance at most). */
  disconnected: number;
}

export interface CellEndEvent {
  t: 'cell-end';
  cell: number;
  at: number;
  drained: boolean;
  delivery: DeliveryCounts;
  requests: Record<string, number>;
  system: Record<string, number>;
  sink: Record<string, unknown>;
}

/**
 * The resolved scenario as the journal keeps it: the whole of it is written (so a run can be repeated), and
 * these are the fields readers of a journal rely on. The journal's schema sits below the scenario's, so it
 * names only what it needs.
 */
export interface JournalScenario {
  name: string;
  description?: string | undefined;
  seed: number;
  instances: number;
  /** Scenario ms each cell runs. */
  duration: number;
  failures: { confidence: number };
  thresholds: string[];
  report?: { formats?: readonly string[] | undefined };
}

/** What a broker's subscribing client is in a cell, by the faults on its link (engine/subscriber-roles.ts judges it). */
export type SubscriberRole = 'fast' | 'slow' | 'dead';
