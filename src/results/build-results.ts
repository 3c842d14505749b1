import type { CellEndEvent, CellStartEvent, IntervalEvent, JournalEvent, RunStartEvent } from '../journal/events.js';
import { createHistogram, decodeHistogram, encodeHistogram, summarize, type Histogram } from '../metrics/histogram.js';
import type { DeliveryCounts } from '../delivery/ledger.js';
import { HTF_DEFINITIONS, MS_PER_HOUR } from '../stats/hours-to-failure.js';
import { hoursToFailureByMode } from '../stats/htf-by-mode.js';
import type { CellResults, EncodedLatency, FaultRecord, RunResults } from './results.js';
import { foldShortSpans, intervalSpans, toPoint } from './over-time.js';
import { foldLinks } from './fold-links.js';
import { LEGACY_SUCCEEDED_REQUESTS } from './legacy-journals.js';
import { foldHarness, foldLag } from './fold-harness.js';
import { SHARD_RULE } from '../core/shard.js';

/** Every failure mode the watchdog can declare; each gets hours-to-failure figures even when it never happened. */
export const FAILURE_MODES = ['crash', 'hang', 'memory', 'loss'] as const;

const LATENCY_DEFINITIONS = {
  endToEnd:
    'End-to-end latency: sink receive time minus the time the record was scheduled to be generated (so time the input ' +
    'was held back counts: corrected for coordinated omission), scenario time.',
  request: 'Output request latency: from sending a request to its full answer (or failure), scenario time.',
  lost: 'Lost: generated, never delivered, never declared dropped, not held at the end, and not held by an instance that failed.',
  lostInFailures: 'Lost in failures: held by an instance when it failed (crash, hang, memory) and never delivered.',
};

const HARNESS_DEFINITIONS = {
  harnessLag:
    "Harness lag: how late duress's own event loops ran (main thread, instance workers), wall ms; times the clock speed it is " +
    'scenario time that may have been added to any latency measured during the stall.',
  distorted: 'A latency figure is flagged when the worst harness lag times the clock speed is at least 10% of it.',
};

/**
 * Folds a run's journal into its results. The live run and `duress report` both come here, so a report
 * rebuilt from the journal says exactly what the run said. A journal cut off early (duress was killed)
 * still gives results for everything it holds: instances still running count their time up to the last
 * interval, and delivery figures are those of the last interval, marked not final.
 */
export function buildResults(events: readonly JournalEvent[]): RunResults {
  const start = events.find((e): e is RunStartEvent => e.t === 'run-start');
  if (!start) throw new Error('the journal has no run-start line: it is empty or not a duress journal');
  const end = events.find((e) => e.t === 'run-end');
  const s = start.scenario;
  const cells = start.cells.map((info) => buildCell(info.index, events, start));
  const harness = foldHarness(events, cells.map((c) => ({ name: c.name, harnessLag: c.harnessLag ?? foldLag([], start.speed), latency: c.latency, ...(c.perLink ? { perLink: c.perLink } : {}) })), start.speed);
  return {
    format: 'duress-results/2',
    duressVersion: start.duressVersion,
    scenario: {
      name: s.name,
      description: s.description,
      file: start.file,
      seed: s.seed,
      instances: s.instances,
      duration: s.duration,
      confidence: s.failures.confidence,
      thresholds: s.thresholds,
      ...(start.scenarioHash ? { hash: start.scenarioHash } : {}),
    },
    run: {
      startedAt: start.wall,
      endedAt: end?.t === 'run-end' ? end.wall : undefined,
      speed: start.speed,
      wallMs: end?.t === 'run-end' ? end.wallMs : lastWallMs(events),
      interrupted: end?.t === 'run-end' ? end.interrupted : undefined,
      complete: end !== undefined,
      ...(start.shards ? { shards: shardResults(start.shards) } : {}),
    },
    definitions: { ...HTF_DEFINITIONS, ...LATENCY_DEFINITIONS, ...HARNESS_DEFINITIONS },
    cells,
    harness,
  };
}

function shardResults(s: NonNullable<RunStartEvent['shards']>): NonNullable<RunResults['run']['shards']> {
  const included = [...s.included].sort((a, b) => a - b);
  const missing = Array.from({ length: s.count }, (_, i) => i + 1).filter((i) => !included.includes(i));
  return { count: s.count, included, missing, merged: s.merged, rule: SHARD_RULE };
}

function buildCell(index: number, events: readonly JournalEvent[], start: RunStartEvent): CellResults {
  const info = start.cells[index]!;
  const mine = events.filter((e) => 'cell' in e && e.cell === index);
  const intervals = mine.filter((e): e is IntervalEvent => e.t === 'interval');
  const cellEnd = mine.find((e): e is CellEndEvent => e.t === 'cell-end');
  const lastAt = cellEnd?.at ?? intervals[intervals.length - 1]?.at ?? 0;

  const starts = new Map<string, number>();
  let exposureMs = 0;
  const faults = new Map<string, FaultRecord>();
  const failures = [];
  for (const e of mine) {
    if (e.t === 'instance-start') starts.set(e.id, e.at);
    else if (e.t === 'instance-end') {
      const from = starts.get(e.id);
      if (from !== undefined) exposureMs += e.at - from;
      starts.delete(e.id);
    } else if (e.t === 'failure') failures.push(e);
    else if (e.t === 'fault-start') faults.set(e.id, { id: e.id, kind: e.kind, slots: e.slots, start: e.at, end: undefined, description: e.description });
    else if (e.t === 'fault-end') {
      const f = faults.get(e.id);
      if (f) {
        f.end = e.at;
        if (e.error) f.error = e.error;
      }
    } else if (e.t === 'fault-error') {
      const f = faults.get(e.id);
      if (f) {
        f.end = e.at;
        f.error = e.error;
      }
    }
  }
  for (const from of starts.values()) exposureMs += Math.max(0, lastAt - from);
  const exposureHours = exposureMs / MS_PER_HOUR;

  const cellStart = mine.find((e): e is CellStartEvent => e.t === 'cell-start');
  // The outcomes the cell's system kind counts as succeeded (the engine wrote them from the kind).
  const succeeded = cellStart?.succeededRequests ?? LEGACY_SUCCEEDED_REQUESTS;
  const okCount = (requests: Record<string, number> | undefined): number => succeeded.reduce((n, k) => n + (requests?.[k] ?? 0), 0);
  const spans = intervalSpans(intervals, okCount);
  const e2e = createHistogram();
  for (const s of spans) e2e.add(s.endToEnd);
  const request = createHistogram();
  for (const iv of intervals) request.add(decodeHistogram(iv.request));
  // A stretch much shorter than the cell's usual interval (the last, written as the cell stops) joins the one before it.
  const overTime = foldShortSpans(spans).map(toPoint);

  const lastInterval = intervals[intervals.length - 1];
  const delivery: DeliveryCounts = cellEnd?.delivery ?? lastInterval?.delivery ?? emptyCounts();
  const perLink = foldLinks(cellStart, intervals);
  return {
    ...info,
    scenarioMs: lastAt,
    exposureHours,
    failures,
    htf: hoursToFailureByMode(exposureHours, failures, { confidence: start.scenario.failures.confidence, modes: FAILURE_MODES }),
    delivery,
    deliveryFinal: cellEnd !== undefined,
    drained: cellEnd?.drained,
    latency: { endToEnd: encode(e2e), request: encode(request) },
    ...(cellStart?.latency ? { latencyLabels: cellStart.latency } : {}),
    overTime,
    harnessLag: foldLag(intervals, start.speed),
    faults: [...faults.values()],
    correlatedFaults: correlatedFaults(faults.values()),
    requests: cellEnd?.requests ?? lastInterval?.requests ?? {},
    system: cellEnd?.system ?? lastInterval?.system ?? {},
    sink: cellEnd?.sink ?? {},
    ...(perLink ? { perLink } : {}),
  };
}

/** The instance faults (kill, pause) with an occurrence on more than one instance, by fault name. */
function correlatedFaults(faults: Iterable<FaultRecord>): string[] {
  const names = new Set<string>();
  for (const f of faults) if ((f.kind === 'kill' || f.kind === 'pause') && f.slots.length > 1) names.add(f.id.slice(0, f.id.lastIndexOf('/')));
  return [...names];
}

function encode(h: Histogram): EncodedLatency {
  return { ...summarize(h), unit: 'ms', histogram: encodeHistogram(h) };
}

function lastWallMs(events: readonly JournalEvent[]): number {
  let wall = 0;
  for (const e of events) if (e.t === 'interval') wall = Math.max(wall, e.wallMs);
  return wall;
}

function emptyCounts(): DeliveryCounts {
  return { generated: 0, delivered: 0, duplicated: 0, duplicateCopies: 0, reordered: 0, dropped: 0, droppedButDelivered: 0, undrained: 0, lostInFailures: 0, lost: 0, foreign: 0 };
}
