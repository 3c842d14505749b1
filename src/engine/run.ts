import { ForwarderCell } from './forwarder-cell.js';
import { encodeHistogram, summarize, type Histogram } from '../metrics/histogram.js';
import type { RunResults, EncodedLatency } from '../report/results.js';
import type { Scenario } from '../scenario/types.js';
import { VERSION } from '../version.js';
import type { Clock } from './clock.js';

export interface RunOptions {
  /** The scenario file, for the record. */
  file: string;
  /** Stops the run early; what was measured is still returned. */
  signal?: AbortSignal;
  /** Called about once a second of wall time with a progress line's worth of numbers. */
  onProgress?: (p: RunProgress) => void;
}

export interface RunProgress {
  phase: 'load' | 'drain';
  scenarioMs: number;
  wallMs: number;
  generated: number;
  delivered: number;
}

/** After an interrupt, the drain gets at most this much wall time: the user asked to stop. */
const INTERRUPTED_DRAIN_WALL_MS = 2000;

/**
 * Runs one scenario: the cell's load for `duration` of scenario time, then a drain of up to `drain`,
 * then stops everything and returns what the ledger and counters saw. A fault in the system under test
 * never makes it throw; an abort (signal) ends the load early and still returns results.
 */
export async function runScenario(scenario: Scenario, options: RunOptions): Promise<RunResults> {
  const cell = new ForwarderCell(scenario);
  const { clock, ledger } = cell;
  const startedAt = new Date();
  const wallStart = performance.now();
  const loadStart = clock.now();
  const progress = (phase: RunProgress['phase']): void => {
    const c = ledger.counts();
    options.onProgress?.({ phase, scenarioMs: clock.now() - loadStart, wallMs: performance.now() - wallStart, generated: c.generated, delivered: c.delivered });
  };

  let interrupted: string | undefined;
  let drained: boolean;
  let loadEnd: number;
  try {
    await cell.start();
    interrupted = await waitFor(scenario.duration, clock, options.signal, () => progress('load'));
    cell.stopInput();
    loadEnd = clock.now();
    const drainFor = interrupted ? Math.min(scenario.drain, clock.toScenario(INTERRUPTED_DRAIN_WALL_MS)) : scenario.drain;
    let lastTick = performance.now();
    drained = await cell.drain(drainFor, interrupted ? undefined : options.signal, () => {
      if (performance.now() - lastTick < 1000) return;
      lastTick = performance.now();
      progress('drain');
    });
    if (!interrupted && options.signal?.aborted) interrupted = String(options.signal.reason ?? 'abort');
  } finally {
    await cell.stop();
  }

  const endScenario = clock.now();
  const wallMs = performance.now() - wallStart;
  const delivery = ledger.counts();
  const { requests, system } = cell.counters();
  return {
    format: 'duress-results/1',
    duressVersion: VERSION,
    scenario: {
      name: scenario.name,
      description: scenario.description,
      file: options.file,
      seed: scenario.seed,
      instances: scenario.instances,
      duration: scenario.duration,
    },
    run: {
      startedAt: startedAt.toISOString(),
      endedAt: new Date().toISOString(),
      speed: clock.speed,
      scenarioMs: loadEnd - loadStart,
      wallMs,
      drainScenarioMs: endScenario - loadEnd,
      drained,
      interrupted,
    },
    delivery,
    throughput: {
      deliveredPerScenarioSecond: delivery.delivered / ((endScenario - loadStart) / 1000),
      deliveredPerWallSecond: delivery.delivered / (wallMs / 1000),
    },
    latency: { endToEnd: encodeLatency(ledger.latency), request: encodeLatency(cell.requestLatency) },
    requests,
    system,
    sink: structuredClone(cell.sink.counters) as unknown as Record<string, unknown>,
  };
}

function encodeLatency(h: Histogram): EncodedLatency {
  return { ...summarize(h), unit: 'ms', histogram: encodeHistogram(h) };
}

/** Waits `scenarioMs` of scenario time, reporting progress each wall second; returns the abort reason if aborted. */
async function waitFor(scenarioMs: number, clock: Clock, signal: AbortSignal | undefined, tick: () => void): Promise<string | undefined> {
  const end = clock.now() + scenarioMs;
  while (clock.now() < end) {
    if (signal?.aborted) return String(signal.reason ?? 'abort');
    const step = Math.min(1000, clock.toWall(end - clock.now()));
    await new Promise<void>((resolve) => {
      const t = setTimeout(done, Math.max(1, step));
      function done(): void {
        clearTimeout(t);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    });
    tick();
  }
  return signal?.aborted ? String(signal.reason ?? 'abort') : undefined;
}
