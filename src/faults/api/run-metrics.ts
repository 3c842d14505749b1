import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * What a run tells Prometheus while it goes, so a long soak can be watched from Grafana: the engine calls
 * these as things happen, and the registry is served on an API server's /metrics (MetricsOptions.registry).
 * Durations are scenario time (the clock's), named as such; `cell` is the cell's name (a system variant).
 */
export interface RunMetricsFeed {
  /** Scenario seconds of instance lifetime accrued in a cell (the exposure that hours-to-failure divide). */
  exposure(cell: string, scenarioSeconds: number): void;
  /** One failure the watchdog declared, by kind (crash, hang, memory, loss…). */
  failure(cell: string, kind: string): void;
  /** Records that reached the sink. */
  delivered(cell: string, records: number): void;
  /** Records sent and not yet delivered or lost, now. */
  inFlight(cell: string, records: number): void;
  /** One record's delivery latency, in scenario seconds. */
  latency(cell: string, scenarioSeconds: number): void;
  /** The registry to serve. */
  readonly registry: Registry;
}

/** 1 ms to 1 h in 1-2.5-5 steps: soak latencies run from a local hop to a stalled queue. */
const LATENCY_BUCKETS_S = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 3600];

/** A RunMetricsFeed on its own registry (duress_* metric names). */
export function createRunMetrics(): RunMetricsFeed {
  const registry = new Registry();
  const exposure = new Counter({
    name: 'duress_exposure_scenario_seconds_total',
    help: 'Instance lifetime accrued, in scenario seconds',
    labelNames: ['cell'],
    registers: [registry],
  });
  const failures = new Counter({ name: 'duress_failures_total', help: 'Failures declared by the watchdog', labelNames: ['cell', 'kind'], registers: [registry] });
  const delivered = new Counter({ name: 'duress_records_delivered_total', help: 'Records that reached the sink', labelNames: ['cell'], registers: [registry] });
  const inFlight = new Gauge({ name: 'duress_records_in_flight', help: 'Records sent and not yet delivered or lost', labelNames: ['cell'], registers: [registry] });
  const latency = new Histogram({
    name: 'duress_delivery_latency_scenario_seconds',
    help: 'Record delivery latency, in scenario seconds',
    labelNames: ['cell'],
    buckets: LATENCY_BUCKETS_S,
    registers: [registry],
  });
  return {
    registry,
    exposure: (cell, s) => exposure.inc({ cell }, Math.max(0, s)),
    failure: (cell, kind) => failures.inc({ cell, kind }),
    delivered: (cell, n) => delivered.inc({ cell }, Math.max(0, n)),
    inFlight: (cell, n) => inFlight.set({ cell }, n),
    latency: (cell, s) => latency.observe({ cell }, s),
  };
}
