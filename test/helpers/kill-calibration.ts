import type { FailureEvent, IntervalEvent, JournalEvent } from '../../src/journal/events.js';
import { HEARTBEAT_WALL_MS } from '../../src/engine/slot-runner.js';
import { MS_PER_HOUR } from '../../src/stats/hours-to-failure.js';
import { cellResults, runCell } from './cell.js';
import { forwarderScenario } from './scenario-text.js';

/**
 * Calibration of hours to failure against a failure process of known mean, run for real: a forwarder
 * cell of `instances` instances in worker threads, and a `kill` fault `every: ~mean` (a Poisson process of
 * rate 1/mean on the cell), each occurrence killing one instance chosen uniformly (the default for kill).
 *
 * The truth: each slot is killed at rate 1/(instances × mean), so each instance's time to failure is
 * exponential with mean `instances × mean`. A kill that lands on a slot while its instance is being
 * replaced finds nothing to kill; that time is not running time either, and the kill process has no
 * memory, so failures per running hour keep the rate 1/(instances × mean): the true mean time to failure
 * stays `instances × mean` whatever the renewals cost. Kills happen only during the load; the drain is 0 so
 * that running time without kills (the stop) is a heartbeat or so.
 */
export interface KillCalibration {
  instances: number;
  /** Mean gap of the kill process on the cell, scenario ms. */
  meanGapMs: number;
  durationMs: number;
  speed: number;
}

/** One run's figures: the product's (results) and those read from the journal by the calibration itself. */
export interface KillCalibrationRun {
  seed: number;
  /** From results. */
  exposureHours: number;
  failures: number;
  estimate: number;
  lower: number;
  /** Sum over instances of their journaled lifetimes (instance-end minus instance-start), scenario ms. */
  lifetimesMs: number;
  /** The live figure: the cell's running time in its last interval, written after every instance stopped. */
  liveExposureMs: number;
  /** Kills journaled as the failures they caused; failures of any other kind (there should be none). */
  kills: number;
  otherFailures: number;
  /** Instances whose journaled lifetime ends before it starts (there should be none). */
  backwards: number;
}

/** The true mean time to failure of one instance, scenario hours. */
export function trueMeanHours(c: KillCalibration): number {
  return (c.instances * c.meanGapMs) / MS_PER_HOUR;
}

/** One heartbeat in scenario ms: how far results, lifetimes and the live figure may disagree. */
export function heartbeatMs(c: KillCalibration): number {
  return HEARTBEAT_WALL_MS * c.speed;
}

export async function killCalibrationRun(c: KillCalibration, seed: number): Promise<KillCalibrationRun> {
  const scenario = forwarderScenario({
    seed: String(seed),
    duration: `${c.durationMs}ms`,
    drain: '0s',
    instances: String(c.instances),
    'clock.speed': String(c.speed),
    'system.input.rate': '1/s',
    'system.flush': '10s',
    'system.scheduler.base': '5s',
    'system.scheduler.cap': '60s',
    'system.net.keepaliveIdleTimeout': '30s',
    'system.net.connectTimeout': '10s',
    'report.interval': '10m',
    // Hangs are not what is calibrated: a window of 2 h (7 s of wall time) keeps a starved machine's stalls out.
    'failures.hangWindow': '2h',
    faults: `[{kind: kill, every: ~${c.meanGapMs}ms}]`,
  });
  const { journal } = await runCell(scenario);
  const cell = cellResults(scenario, journal);
  const failures = journal.filter((e): e is FailureEvent => e.t === 'failure');
  const kills = failures.filter((f) => f.mode === 'crash' && /killed by the fault kill#1\//.test(String(f.evidence.reason))).length;
  const { total, backwards } = lifetimes(journal);
  const intervals = journal.filter((e): e is IntervalEvent => e.t === 'interval');
  return {
    seed,
    exposureHours: cell.exposureHours,
    failures: cell.htf.overall.failures,
    estimate: cell.htf.overall.estimate,
    lower: cell.htf.overall.lower ?? 0,
    lifetimesMs: total,
    liveExposureMs: intervals[intervals.length - 1]?.exposureMs ?? Number.NaN,
    kills,
    otherFailures: failures.length - kills,
    backwards,
  };
}

function lifetimes(journal: readonly JournalEvent[]): { total: number; backwards: number } {
  const starts = new Map<string, number>();
  let total = 0;
  let backwards = 0;
  for (const e of journal) {
    if (e.t === 'instance-start') starts.set(e.id, e.at);
    else if (e.t === 'instance-end') {
      const from = starts.get(e.id);
      if (from === undefined) continue;
      if (e.at < from) backwards += 1;
      total += e.at - from;
    }
  }
  return { total, backwards };
}

/** Runs `seeds` with at most `parallel` cells at a time (each its own seed, so the runs are independent). */
export async function killCalibrationRuns(c: KillCalibration, seeds: number[], parallel: number): Promise<KillCalibrationRun[]> {
  const out: KillCalibrationRun[] = [];
  const queue = [...seeds];
  await Promise.all(
    Array.from({ length: Math.min(parallel, seeds.length) }, async () => {
      for (let seed = queue.shift(); seed !== undefined; seed = queue.shift()) out.push(await killCalibrationRun(c, seed));
    }),
  );
  return out.sort((a, b) => a.seed - b.seed);
}

/** What the calibration asks of a set of runs; each check with its figures, for the message or the bench's table. */
export interface KillCalibrationVerdict {
  runs: number;
  covered: number;
  coverage: number;
  pooledEstimate: number;
  trueMean: number;
  pooledError: number;
  totalKills: number;
  worstExposureGapMs: number;
  worstLiveGapMs: number;
  backwards: number;
  otherFailures: number;
}

export function judgeKillCalibration(c: KillCalibration, runs: readonly KillCalibrationRun[]): KillCalibrationVerdict {
  const truth = trueMeanHours(c);
  const covered = runs.filter((r) => r.lower < truth).length;
  const exposure = runs.reduce((a, r) => a + r.exposureHours, 0);
  const failures = runs.reduce((a, r) => a + r.failures, 0);
  const pooled = exposure / failures;
  return {
    runs: runs.length,
    covered,
    coverage: covered / runs.length,
    pooledEstimate: pooled,
    trueMean: truth,
    pooledError: Math.abs(pooled - truth) / truth,
    totalKills: runs.reduce((a, r) => a + r.kills, 0),
    worstExposureGapMs: Math.max(...runs.map((r) => Math.abs(r.exposureHours * MS_PER_HOUR - r.lifetimesMs))),
    worstLiveGapMs: Math.max(...runs.map((r) => Math.abs(r.exposureHours * MS_PER_HOUR - r.liveExposureMs))),
    backwards: runs.reduce((a, r) => a + r.backwards, 0),
    otherFailures: runs.reduce((a, r) => a + r.otherFailures, 0),
  };
}
