import path from 'node:path';
import { ScaledClock } from '../src/core/clock.js';
import { CellRunner } from '../src/engine/cell-runner.js';
import { FaultLayer } from '../src/engine/fault-layer.js';
import type { IntervalEvent, JournalEvent } from '../src/journal/events.js';
import { INSTANCES_FLAG, loadScenarioDocument } from '../src/scenario/load.js';
import { expandMatrix } from '../src/scenario/matrix.js';
import { printTable, projectRoot, type BenchResult } from './bench-util.js';
import { MEMORY_CHILD_ENV, residentPerInstance, serveMemoryChild } from './resident-memory.js';

const WALL_SECONDS = Number(process.env.DURESS_BENCH_FORWARDER_MEMORY_SECONDS ?? 10);
/** One and three shared workers at the default 8 instances per worker (forwarder kind.ts). */
const FEW = 8;
const MANY = 24;
const SPEED = 60;
/** Issue 18: at most 20 MB of resident memory per in-process forwarder instance. */
const TARGET_MB = 20;

/**
 * Resident memory of one in-process forwarder instance as `duress run` runs it: the patch cell of
 * scenarios/cloudwatch-stability.yaml (keepalive on; 5 records/s of 200 B at clock speed 60, so 300
 * records/s of wall time per instance), instances sharing worker threads as the kind does by default,
 * with the cell's sink, proxy routes and ledger, but without its faults (a throttled forwarder may
 * buffer up to its memLimit, 64 MB, by design: that is the scenario's memory, not the instance's cost).
 * Measured as resident-memory.ts says: FEW and MANY instances each in a fresh process, the baseline (the
 * modules loaded, the fault layer started, no cell) read first; per instance = the difference / (MANY - FEW),
 * so the sink and the main thread's share cancel out.
 */
export async function benchForwarderMemory(): Promise<BenchResult> {
  const { few, many, perInstanceMb } = await residentPerInstance(new URL(import.meta.url), [FEW, MANY], WALL_SECONDS);
  printTable(`forwarder memory: cloudwatch-stability patch cell without faults, speed ${SPEED}, 8 instances per worker; ${FEW} and ${MANY} instances, each count in a fresh process, ${WALL_SECONDS} s wall`, [
    ['baseline: the process with the modules loaded and the fault layer started, no cell (mean of both)', `${((few.baselineMb + many.baselineMb) / 2).toFixed(0)} MB`],
    [`resident memory, ${FEW} instances (above baseline / ${FEW}, the sink included)`, `${few.rssMb.toFixed(0)} MB (${((few.rssMb - few.baselineMb) / FEW).toFixed(1)} MB)`],
    [`resident memory, ${MANY} instances (above baseline / ${MANY}, the sink included)`, `${many.rssMb.toFixed(0)} MB (${((many.rssMb - many.baselineMb) / MANY).toFixed(1)} MB)`],
    [`per instance: the difference / ${MANY - FEW} (target <= ${TARGET_MB} MB)`, `${perInstanceMb.toFixed(1)} MB`],
    ['largest instance\'s own figure: its share of its worker\'s heap in use + external', `${many.workerMb.toFixed(1)} MB`],
  ]);
  return { name: 'forwarder-memory', metrics: { perInstanceMb, largestInstanceMb: many.workerMb, baselineMb: many.baselineMb }, pass: perInstanceMb <= TARGET_MB };
}

async function setup(): Promise<{ start(n: number): Promise<{ workerMb(): number; stop(): Promise<void> }>; close(): Promise<void> }> {
  const file = path.join(projectRoot(), 'scenarios/cloudwatch-stability.yaml');
  const clock = new ScaledClock(SPEED);
  const layer = await FaultLayer.start({ clock, seed: 1 });
  return {
    async start(n) {
      const { scenario, data } = await loadScenarioDocument(file, {
        overrides: [
          { path: 'instances', value: String(n), flag: INSTANCES_FLAG },
          { path: 'clock.speed', value: String(SPEED) },
          { path: 'duration', value: '24h' },
          { path: 'report.interval', value: `${SPEED}s` },
          { path: 'faults', value: '[]' },
        ],
      });
      const [cell] = expandMatrix(data, scenario, file, { variant: 'patch', keepalive: 'on' });
      if (!cell) throw new Error('forwarder-memory: no patch cell with keepalive on in cloudwatch-stability.yaml');
      const journal: JournalEvent[] = [];
      const runner = new CellRunner({ index: 0, name: cell.name, values: cell.values, instances: n, duration: cell.scenario.duration }, cell.scenario, clock, layer, (e) => journal.push(e));
      await runner.start();
      const ticks = clock.setInterval(() => runner.interval(), cell.scenario.report.interval);
      return {
        workerMb() {
          const points = journal.filter((e): e is IntervalEvent => e.t === 'interval');
          const last = points.at(-1);
          if (!last || last.delivery.delivered === 0) throw new Error('forwarder-memory: the cell delivered nothing');
          return last.maxInstanceMemory / 2 ** 20;
        },
        async stop() {
          clearInterval(ticks);
          await runner.stop(false);
        },
      };
    },
    close: () => layer.stop(),
  };
}

if (process.env[MEMORY_CHILD_ENV]) await serveMemoryChild(setup);
