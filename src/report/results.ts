import type { LatencySummary } from '../metrics/histogram.js';
import type { DeliveryCounts } from '../sinks/ledger.js';

/**
 * results.json: what a run measured, complete enough to merge with other runs (histograms are encoded
 * losslessly) and to render every report from. Times are labelled: `scenario*` fields are scenario time
 * (the clock runs `speed` times faster than the wall), `wall*` fields are real elapsed time.
 */
export interface RunResults {
  format: 'duress-results/1';
  duressVersion: string;
  scenario: {
    name: string;
    description: string | undefined;
    file: string;
    seed: number;
    instances: number;
    /** Scenario ms the cell was meant to run. */
    duration: number;
  };
  run: {
    startedAt: string;
    endedAt: string;
    /** Clock speed: scenario seconds per wall second. */
    speed: number;
    /** Scenario ms from start to the end of the load (drain not included). */
    scenarioMs: number;
    /** Wall ms of the whole run, drain included. */
    wallMs: number;
    /** Scenario ms spent draining after the load stopped. */
    drainScenarioMs: number;
    /** True when every instance finished delivering what it held before the drain deadline. */
    drained: boolean;
    /** Set when a signal stopped the run early; what was measured up to then is all here. */
    interrupted: string | undefined;
  };
  delivery: DeliveryCounts;
  throughput: {
    /** Records first delivered per second of scenario time, over the load phase and drain. */
    deliveredPerScenarioSecond: number;
    deliveredPerWallSecond: number;
  };
  latency: {
    /** Sink receive time minus the record's scheduled generation time (corrected for coordinated omission). */
    endToEnd: EncodedLatency;
    /** Each HTTP request of the output, send to full answer. */
    request: EncodedLatency;
  };
  /** HTTP requests of all instances by outcome. */
  requests: Record<string, number>;
  /** The systems' own counters, summed over instances. */
  system: Record<string, number>;
  /** The mock sink's counters. */
  sink: Record<string, unknown>;
}

export interface EncodedLatency extends LatencySummary {
  /** Unit of every figure above: milliseconds of scenario time. */
  unit: 'ms';
  /** HdrHistogram compressed base64, µs of scenario time. */
  histogram: string;
}
