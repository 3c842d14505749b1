import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { runScenario } from '../src/engine/run.js';
import { INSTANCES_FLAG, loadScenarioDocument } from '../src/scenario/load.js';
import { expandMatrix } from '../src/scenario/matrix.js';
import type { CellResults } from '../src/results/results.js';
import { printTable, projectRoot, type BenchResult } from './bench-util.js';

/**
 * Scenario time of every trial. The same for every setting, so every trial meets the same fault timeline:
 * seed 2022's first hour holds three throttling bursts, DNS stalls at 24 and 46 min and a window of
 * resets from 26 to 31 min, which is what makes the no-patch cell crash (a reset on an idle kept-alive
 * connection) or hang (a lookup with no deadline in a stall). Wall time per trial is this ÷ the speed.
 */
const SCENARIO_SECONDS = Number(process.env.DURESS_BENCH_COMPRESSION_SCENARIO_SECONDS ?? 3600);
/**
 * Scenario time of the no-patch run: two hours, two windows of resets. Its crashes (a reset while a kept-alive
 * connection sits idle) all come in those windows, so one window is too few to count on: at 20 × 60 one hour
 * once gave none, where 16 × 60 gave 2 and 5.
 */
const NO_PATCH_SCENARIO_SECONDS = Number(process.env.DURESS_BENCH_COMPRESSION_NO_PATCH_SCENARIO_SECONDS ?? 7200);
/** Settings tried, cheapest first: instances × clock speed (the hang window of 2 m allows 120 at most). */
const SETTINGS: readonly { instances: number; speed: number }[] = (process.env.DURESS_BENCH_COMPRESSION_SETTINGS ?? '16x60,24x60,16x120,24x120,32x120')
  .split(',')
  .map((s) => {
    const [i, v] = s.split('x').map(Number);
    return { instances: i ?? 16, speed: v ?? 60 };
  });
/** Target of issue 18. */
const TARGET = 3000;

interface Trial {
  variant: 'patch' | 'no-patch';
  instances: number;
  speed: number;
  /** Scenario instance-hours of the cell per wall-hour of its run (the cell ran alone). */
  perWallHour: number;
  failures: number;
  failureModes: string;
  /** No harness trouble: no stall reached half the hang window (× speed), every worker booted. */
  lagOk: boolean;
  /** The worst event-loop delay, main thread or worker, wall ms. */
  lagWallMs: number;
  /** Latency figures the lag may have distorted (lag × speed ≥ 10% of them): flagged in the reports, not a false failure. */
  distorted: number;
  exact: boolean;
  /**
   * The cell delivered what it held within its drain (nothing undrained): a cell that falls ever further
   * behind because duress cannot carry its requests in time is not compressed, it is distorted.
   */
  keptUp: boolean;
  /** End-to-end latency p50 and output request latency p50, scenario s: how far behind the cell ran. */
  endToEndP50: number;
  requestP50: number;
  /** duress's resident memory per instance at the end, MB. */
  rssPerInstanceMB: number;
  /** Cores duress used on average (all its threads), and CPU seconds per scenario instance-hour. */
  cores: number;
  cpuPerInstanceHour: number;
  /** The machine's 1-minute load average at the trial's start and end: what else was running. */
  load: [number, number];
}

/**
 * How far soak time compresses on this machine without false failures: the patch cell of
 * scenarios/cloudwatch-stability.yaml (keepalive on, its faults included), alone, at each of SETTINGS for
 * SCENARIO_SECONDS of scenario time. A setting passes when the patch cell has no failure, it kept up (it had
 * delivered everything by the end of its drain), the harness lag
 * stayed within its bound (issue 11's: no stall of duress's event loops, times the speed, reached half the
 * hang window or of a latency threshold; the latency figures it may have distorted are counted beside, as
 * the reports flag them) and delivery accounting is exact (nothing lost, every record delivered, declared
 * dropped or undrained). The search stops at the first setting that fails. The no-patch cell then runs,
 * alone, at the highest passing setting (for NO_PATCH_SCENARIO_SECONDS): it must still fail there (compression must not hide real
 * failures). Each cell runs alone, so the figure is the patch cell's own compression with the machine to
 * itself; a run of the whole matrix shares the machine among its cells. Wall time is noisy on a shared
 * machine: every trial prints the machine's load average, the cores duress used and its CPU time per
 * instance-hour, which does not depend on the machine's other load.
 */
export async function benchCompression(): Promise<BenchResult> {
  const file = path.join(projectRoot(), 'scenarios/cloudwatch-stability.yaml');
  const trials: Trial[] = [];
  for (const setting of SETTINGS) {
    const trial = await runTrial(file, 'patch', setting.instances, setting.speed, SCENARIO_SECONDS);
    trials.push(trial);
    if (!passes(trial)) break;
  }
  const best = trials.filter(passes).at(-1);
  const noPatch = best ? await runTrial(file, 'no-patch', best.instances, best.speed, NO_PATCH_SCENARIO_SECONDS) : undefined;
  if (noPatch) trials.push(noPatch);
  printTable(`compression: cloudwatch-stability, keepalive=on, each cell alone, patch ${SCENARIO_SECONDS / 3600} h and no-patch ${NO_PATCH_SCENARIO_SECONDS / 3600} h of scenario time, ${cpus().length} cores`, [
    ...trials.map((t): [string, string] => [
      `${t.variant}: ${t.instances} instances × speed ${t.speed}`,
      `${t.perWallHour.toFixed(0)} instance-h per wall-h; failures ${t.failures}${t.failureModes}; ` +
        `lag ${t.lagOk ? 'within bound' : 'OUT OF BOUND'} (worst ${t.lagWallMs.toFixed(0)} ms wall, ${((t.lagWallMs * t.speed) / 1000).toFixed(1)} s scenario; ${t.distorted} latency figures flagged); ` +
        `accounting ${t.exact ? 'exact' : 'NOT exact'}; ${t.keptUp ? 'drained' : 'FELL BEHIND (records undrained)'}, end-to-end p50 ${t.endToEndP50.toFixed(1)} s, request p50 ${t.requestP50.toFixed(2)} s (scenario); ${t.rssPerInstanceMB.toFixed(1)} MB resident per instance; ` +
        `${t.cores.toFixed(2)} cores used, ${t.cpuPerInstanceHour.toFixed(2)} CPU s per instance-h; load average ${t.load[0].toFixed(1)} → ${t.load[1].toFixed(1)}`,
    ]),
    ['highest passing patch setting (target >= 3000 instance-h per wall-h)', best ? `${best.perWallHour.toFixed(0)} at ${best.instances} × ${best.speed}` : 'none'],
    ['no-patch still failing there', noPatch ? `${noPatch.failures > 0} (${noPatch.failures} failures${noPatch.failureModes})` : '-'],
  ]);
  return {
    name: 'compression',
    metrics: {
      instanceHoursPerWallHour: best?.perWallHour ?? 0,
      instances: best?.instances ?? 0,
      speed: best?.speed ?? 0,
      noPatchFailures: noPatch?.failures ?? 0,
      rssPerInstanceMB: best?.rssPerInstanceMB ?? trials[0]?.rssPerInstanceMB ?? 0,
      cpuPerInstanceHour: best?.cpuPerInstanceHour ?? trials[0]?.cpuPerInstanceHour ?? 0,
      loadAverage: trials[0]?.load[0] ?? 0,
    },
    pass: best !== undefined && best.perWallHour >= TARGET && (noPatch?.failures ?? 0) > 0 && best.rssPerInstanceMB <= 20,
  };
}

function passes(t: Trial): boolean {
  return t.failures === 0 && t.lagOk && t.exact && t.keptUp;
}

async function runTrial(file: string, variant: Trial['variant'], instances: number, speed: number, scenarioSeconds: number): Promise<Trial> {
  const { scenario, data } = await loadScenarioDocument(file, {
    overrides: [
      { path: 'instances', value: String(instances), flag: INSTANCES_FLAG },
      { path: 'clock.speed', value: String(speed) },
      { path: 'duration', value: `${scenarioSeconds}s` },
      { path: 'drain', value: '2m' },
      { path: 'report.interval', value: `${speed * 5}s` },
      { path: 'report.formats', value: '[]' },
    ],
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'duress-bench-compression-'));
  const cells = expandMatrix(data, scenario, file, { keepalive: 'on', variant });
  const load0 = loadavg()[0] ?? 0;
  const cpu0 = process.cpuUsage();
  const results = await runScenario(scenario, cells, { file, dir });
  const cpu = process.cpuUsage(cpu0);
  rmSync(dir, { recursive: true, force: true });
  const cell: CellResults = results.cells[0]!;
  const d = cell.delivery;
  const exact = d.lost === 0 && d.lostInFailures === 0 && d.delivered + d.dropped + d.undrained - d.droppedButDelivered === d.generated;
  const modes = new Map<string, number>();
  for (const f of cell.failures) modes.set(f.mode, (modes.get(f.mode) ?? 0) + 1);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const harness = results.harness;
  return {
    variant,
    instances,
    speed,
    perWallHour: cell.exposureHours / (results.run.wallMs / 3_600_000),
    failures: cell.failures.length,
    failureModes: modes.size > 0 ? ` (${[...modes].map(([m, n]) => `${n} ${m}`).join(', ')})` : '',
    lagOk: harness !== undefined && harness.trouble.length === 0,
    lagWallMs: harness?.lag.worstMs ?? Number.NaN,
    distorted: harness?.distorted.length ?? 0,
    exact,
    keptUp: d.undrained === 0,
    endToEndP50: cell.latency.endToEnd.p50 / 1000,
    requestP50: cell.latency.request.p50 / 1000,
    rssPerInstanceMB: (cell.overTime.at(-1)?.rss ?? 0) / 2 ** 20 / instances,
    cores: cpuSeconds / (results.run.wallMs / 1000),
    cpuPerInstanceHour: cpuSeconds / Math.max(cell.exposureHours, 1e-9),
    load: [load0, loadavg()[0] ?? 0],
  };
}
