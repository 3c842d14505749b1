import { ScaledClock } from '../../../src/core/clock.js';
import { IsolatedInstance } from '../../../src/engine/isolation/isolated-instance.js';
import { WorkerHost } from '../../../src/engine/isolation/worker-host.js';
import { startStressTargets } from './stress-targets.js';
import { SHARED_STATE_SIZE, SharedTick, StressState, type SharedStressData, type StressMode } from './stress-worker.js';

/**
 * Run as its own process by kill-mid-lookup.test.ts and by `npm run bench` (so that an abort shows as exit
 * 134 or a signal instead of taking the caller down): `--kills N` lean instances (shared-stress-worker.ts)
 * in shared workers of `--per-worker P` instances each (WorkerHost, IsolatedInstance: the engine's own
 * code), `--workers W` of them, each instance killed in the middle of DNS lookups, of requests or of a
 * pause, and replaced at once in the same worker. Every `--terminate-every K`-th kill instead terminates
 * the instance's whole worker (what the engine does when a worker does not answer), ending its siblings
 * mid-lookup too, the path on which Node once aborted. Prints one JSON line (SharedKillStressReport).
 *
 * Faithfulness is checked as it goes: a paused instance's tick (its scope's clock) stands still while a
 * running sibling's moves on; a killed instance's tick never moves again; once all is done, the HTTP
 * server holds no connection of any killed instance.
 */

export interface SharedKillStressReport {
  /** Instances ended: by a kill in their worker, or with their worker. */
  kills: number;
  /** Of them, ended by terminating their whole worker. */
  terminated: number;
  byState: { lookup: number; request: number; pause: number };
  beforeAnyAnswer: number;
  notReached: number;
  /** Instances that died on their own (an uncaught error charged to them, or their worker ended unasked). */
  died: number;
  /** The first few of those deaths, as the engine saw them. */
  deaths: string[];
  /** Pauses during which the paused instance's tick moved (it was not held). */
  pauseLeaks: number;
  /** Pauses during which no sibling's tick moved (the pause held the whole thread). */
  pauseHeldSiblings: number;
  /** Killed instances whose tick moved after the kill. */
  killLeaks: number;
  /** Connections still open at the HTTP server after every instance ended. */
  connectionsLeft: number;
  /** Worker threads started in all (a worker per instance would be `kills`). */
  workersStarted: number;
  wallMs: number;
  /** CPU time of this process (all its threads), ms. */
  cpuMs: number;
}

const REACH_WALL_MS = 10_000;

function argOf(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive integer, got ${process.argv[i + 1]}`);
  return v;
}

async function reach(cond: () => boolean, ms: number): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (!cond()) {
    if (performance.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 1));
  }
  return true;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * After a pause was sent: waits (1 s at most) for a 20 ms window in which the paused instance's tick
 * stood still while a running sibling's moved (the pause held it alone). 'leak': its tick kept moving;
 * 'siblings-held': nothing moved at all (the pause held the whole thread, or the machine stalled).
 */
async function heldWhileSiblingsRun(r: Running, others: Running[]): Promise<'held' | 'leak' | 'siblings-held' | 'ended'> {
  const siblings = (): number => others.reduce((a, o) => a + Atomics.load(o.state, SharedTick), 0);
  const deadline = performance.now() + 1000;
  let result: 'leak' | 'siblings-held' = 'siblings-held';
  while (performance.now() < deadline) {
    // Its worker was terminated meanwhile (a sibling lane's kill): nothing moves any more, nothing to judge.
    if (r.died) return 'ended';
    const mine = Atomics.load(r.state, SharedTick);
    const theirs = siblings();
    await sleep(20);
    const moved = Atomics.load(r.state, SharedTick) !== mine;
    if (r.died) return 'ended';
    if (!moved && (others.length === 0 || siblings() !== theirs)) return 'held';
    result = moved ? 'leak' : 'siblings-held';
  }
  return result;
}

interface Running {
  instance: IsolatedInstance;
  state: Int32Array;
  mode: StressMode;
  died: boolean;
  paused: boolean;
  death: string;
}

async function run(): Promise<SharedKillStressReport> {
  const kills = argOf('--kills', 1000);
  const perWorker = argOf('--per-worker', 8);
  const workers = argOf('--workers', 2);
  const terminateEvery = argOf('--terminate-every', 500);
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const clock = new ScaledClock(1);
  const targets = await startStressTargets(clock);
  const { names, dnsAddress, httpPort } = targets;

  const report: SharedKillStressReport = {
    kills: 0,
    terminated: 0,
    byState: { lookup: 0, request: 0, pause: 0 },
    beforeAnyAnswer: 0,
    notReached: 0,
    died: 0,
    deaths: [],
    pauseLeaks: 0,
    pauseHeldSiblings: 0,
    killLeaks: 0,
    connectionsLeft: -1,
    workersStarted: 0,
    wallMs: NaN,
    cpuMs: NaN,
  };
  const modes: StressMode[] = ['lookup', 'request', 'pause'];
  const worker = new URL('./shared-stress-worker.js', import.meta.url);
  const hosts: WorkerHost[] = [];
  const newHost = (): WorkerHost => {
    report.workersStarted += 1;
    return new WorkerHost({ worker, heapLimitMb: 256, heartbeatWallMs: 50 });
  };
  for (let w = 0; w < workers; w++) hosts.push(newHost());
  const killed: { state: Int32Array; tick: number }[] = [];
  /** The instances running now in each worker, for the siblings of a paused one. */
  const live: Set<Running>[] = hosts.map(() => new Set());
  let spawned = 0;
  let taken = 0;
  /** Kill numbers whose instance ended with a sibling's terminated worker before its own kill: done again. */
  const returned: number[] = [];

  // Mode and stack follow the kill's number, so each third of the kills is of one mode exactly.
  const spawn = async (w: number, n: number): Promise<Running> => {
    spawned += 1;
    const mode = modes[n % modes.length] ?? 'lookup';
    const state = new Int32Array(new SharedArrayBuffer(SHARED_STATE_SIZE * 4));
    const data: SharedStressData = {
      id: `k${spawned}`,
      clock: clock.spec(),
      seed: spawned,
      heartbeatWallMs: 50,
      memoryLimit: 0,
      freeze: new SharedArrayBuffer(4),
      mode,
      stack: Math.floor(n / modes.length) % 2 === 0 ? 'sync' : 'async',
      names,
      httpPort,
      state: state.buffer as SharedArrayBuffer,
    };
    // As the engine does: lookups relayed here, with or without a deadline.
    const dnsData = { ...data, dns: dnsAddress };
    const instance = new IsolatedInstance(dnsData, { worker, heapLimitMb: undefined, lookupTimeout: n % 2 === 0 ? null : 200, host: hosts[w]! });
    const r: Running = { instance, state, mode, died: false, paused: false, death: '' };
    instance.on('died', (d) => {
      r.died = true;
      r.death = d.kind === 'error' ? `${d.error.message} ${d.error.stack ?? ''}`.slice(0, 600) : `exit ${d.code}`;
    });
    await instance.start();
    live[w]!.add(r);
    return r;
  };

  // One lane per place in a worker: it starts an instance, brings it to its state, kills it, and again.
  const lane = async (w: number): Promise<void> => {
    for (;;) {
      // Each kill's number is taken before it happens, so the count is exact and every K-th is a termination.
      const n = returned.pop() ?? taken++;
      if (n >= kills) break;
      if (hosts[w]!.ended) {
        hosts[w] = newHost();
        live[w]!.clear();
      }
      const host = hosts[w]!;
      let r: Running;
      try {
        r = await spawn(w, n);
      } catch {
        // Its worker was terminated by a sibling lane while it started: that is the sibling's kill.
        returned.push(n);
        continue;
      }
      const wanted = r.mode === 'lookup' ? StressState.lookups : StressState.requests;
      const reached = await reach(() => r.died || Atomics.load(r.state, wanted) > 0, REACH_WALL_MS);
      if (r.died) {
        // Its worker was terminated by a sibling lane's kill: it ended with it; the number is taken again.
        live[w]!.delete(r);
        returned.push(n);
        continue;
      }
      if (r.mode === 'pause') {
        r.instance.freeze(60_000);
        r.paused = true;
        const held = await heldWhileSiblingsRun(r, [...live[w]!].filter((o) => o !== r && !o.paused));
        if (held === 'leak') report.pauseLeaks += 1;
        else if (held === 'siblings-held') report.pauseHeldSiblings += 1;
      } else {
        // Half the kills wait for answers to flow first; the rest fall at once, mid-first-lookup.
        if (n % 2 === 0) await reach(() => r.died || Atomics.load(r.state, StressState.settled) > 0, REACH_WALL_MS);
        await sleep(Math.random() * 5);
      }
      const snapshot = Int32Array.from(r.state);
      live[w]!.delete(r);
      const terminate = (n + 1) % terminateEvery === 0;
      if (terminate) {
        // The whole worker, and every sibling with it, in the middle of their lookups.
        report.terminated += 1;
        await host.terminate();
      } else await r.instance.kill();
      killed.push({ state: r.state, tick: Atomics.load(r.state, SharedTick) });
      report.kills += 1;
      if (!reached) report.notReached += 1;
      if (r.died && !terminate && !host.ended) {
        report.died += 1;
        if (report.deaths.length < 5) report.deaths.push(`${r.mode}: ${r.death}`);
      }
      if ((snapshot[StressState.lookups] ?? 0) > 0) report.byState.lookup += 1;
      if ((snapshot[StressState.requests] ?? 0) > 0) report.byState.request += 1;
      if (r.mode === 'pause') report.byState.pause += 1;
      if (snapshot[StressState.settled] === 0) report.beforeAnyAnswer += 1;
    }
  };
  await Promise.all(Array.from({ length: workers * perWorker }, (_, i) => lane(i % workers)));
  // Every instance is killed by now: none of their ticks may move, and none of their connections stay open.
  await sleep(100);
  for (const k of killed) if (Atomics.load(k.state, SharedTick) !== k.tick) report.killLeaks += 1;
  report.connectionsLeft = await targets.connections();
  await Promise.all(hosts.map((h) => h.terminate()));
  await targets.close();
  report.wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  report.cpuMs = (cpu.user + cpu.system) / 1000;
  return report;
}

if (process.argv.includes('--kill-stress')) {
  const report = await run();
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
