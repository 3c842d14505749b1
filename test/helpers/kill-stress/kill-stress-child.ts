import { once } from 'node:events';
import { MessageChannel, Worker } from 'node:worker_threads';
import { serveLookups } from '../../../src/systems/isolation/lookup-relay.js';
import { createLookup } from '../../../src/faults/dns-lookup.js';
import { ScaledClock } from '../../../src/core/clock.js';
import { startStressTargets } from './stress-targets.js';
import { StressState, type StressMode, type StressWorkerData } from './stress-worker.js';

/**
 * Run as its own process by kill-mid-lookup.test.ts (so that an abort shows as exit 134 or a signal
 * instead of taking the test runner down): starts `--kills N` lean instances (stress-worker.ts), each in
 * the middle of DNS lookups, of requests, or of a pause, and ends each with `worker.terminate()` (what
 * IsolatedInstance.kill does), `--concurrency C` at a time. Prints one JSON line (KillStressReport) and
 * exits 0; a worker that fails to reach its state in time is reported, not retried. `--dns-in-worker`
 * runs the design before issue 11 (lookups inside the worker), to see the abort this guards against.
 */

export interface KillStressReport {
  kills: number;
  /** Kills by what the instance was doing the moment it was killed (a kill may count under lookup and request). */
  byState: { lookup: number; request: number; pause: number };
  /** Kills whose instance had not settled a single lookup or request yet. */
  beforeAnyAnswer: number;
  /** Instances that never reached the state they were started for within the wait. */
  notReached: number;
  /** Workers that ended with an error of their own (an uncaught error in the instance). */
  workerErrors: number;
  /** Wall ms from terminate() to the worker's exit: median, 99th percentile, max. */
  killWallMs: { median: number; p99: number; max: number };
  /** Wall ms of the whole run. */
  wallMs: number;
}

const REACH_WALL_MS = 10_000;

function argOf(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive integer, got ${process.argv[i + 1]}`);
  return v;
}

function quantile(sorted: number[], q: number): number {
  return sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN);
}

/** Polls shared memory until `cond` holds (true) or the wait runs out (false). */
async function reach(cond: () => boolean, ms: number): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (!cond()) {
    if (performance.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 1));
  }
  return true;
}

async function run(): Promise<KillStressReport> {
  const kills = argOf('--kills', 1000);
  const concurrency = argOf('--concurrency', 4);
  const started = performance.now();
  const clock = new ScaledClock(1);
  const targets = await startStressTargets(clock);
  const { names, dnsAddress, httpPort } = targets;

  const report: KillStressReport = { kills: 0, byState: { lookup: 0, request: 0, pause: 0 }, beforeAnyAnswer: 0, notReached: 0, workerErrors: 0, killWallMs: { median: NaN, p99: NaN, max: NaN }, wallMs: NaN };
  const killMs: number[] = [];
  const modes: StressMode[] = ['lookup', 'request', 'pause'];
  let next = 0;

  const one = async (n: number): Promise<void> => {
    const mode = modes[n % modes.length] ?? 'lookup';
    // As IsolatedInstance does: the worker's lookups are served here, with or without a deadline.
    const { port1, port2 } = new MessageChannel();
    const lookups = serveLookups(port1, createLookup({ server: dnsAddress, clock, timeout: n % 2 === 0 ? null : 200, tries: n % 2 === 0 ? 1 : 2 }));
    const data: StressWorkerData = {
      mode,
      stack: Math.floor(n / modes.length) % 2 === 0 ? 'sync' : 'async',
      lookupPort: port2,
      dnsInWorker: process.argv.includes('--dns-in-worker') ? dnsAddress : undefined,
      names,
      httpPort,
      state: new SharedArrayBuffer(StressState.size * 4),
      freeze: new SharedArrayBuffer(4),
    };
    const state = new Int32Array(data.state);
    const worker = new Worker(new URL('./stress-worker.js', import.meta.url), { workerData: data, transferList: [port2], stdout: false, stderr: false });
    let failed = false;
    worker.on('error', () => {
      failed = true;
    });
    const exited = once(worker, 'exit');
    await Promise.race([once(worker, 'message'), exited]);
    const wanted = mode === 'lookup' ? StressState.lookups : StressState.requests;
    let reached = await reach(() => Atomics.load(state, wanted) > 0, REACH_WALL_MS);
    if (mode === 'pause') {
      worker.postMessage({ t: 'freeze', wallMs: 60_000 });
      reached = reached && (await reach(() => Atomics.load(state, StressState.paused) === 1, REACH_WALL_MS));
    } else {
      // A random moment within the traffic, so that kills fall on every phase of a lookup or request.
      await new Promise((r) => setTimeout(r, Math.random() * 5));
    }
    const snapshot = Int32Array.from(state);
    const t0 = performance.now();
    await worker.terminate();
    killMs.push(performance.now() - t0);
    lookups.close();
    report.kills += 1;
    if (!reached) report.notReached += 1;
    if (failed) report.workerErrors += 1;
    if ((snapshot[StressState.lookups] ?? 0) > 0) report.byState.lookup += 1;
    if ((snapshot[StressState.requests] ?? 0) > 0) report.byState.request += 1;
    if (snapshot[StressState.paused] === 1) report.byState.pause += 1;
    if (snapshot[StressState.settled] === 0) report.beforeAnyAnswer += 1;
  };

  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < kills) await one(next++);
    }),
  );
  await targets.close();
  killMs.sort((a, b) => a - b);
  report.killWallMs = { median: quantile(killMs, 0.5), p99: quantile(killMs, 0.99), max: killMs[killMs.length - 1] ?? NaN };
  report.wallMs = performance.now() - started;
  return report;
}

if (process.argv.includes('--kill-stress')) {
  const report = await run();
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
