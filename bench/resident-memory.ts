import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Env var that makes a memory bench's module run as the measuring child, with this many instances. */
export const MEMORY_CHILD_ENV = 'DURESS_BENCH_MEMORY_CHILD';

/** What one child measured: resident memory with no instance, and with `instances` running. */
export interface MemorySample {
  instances: number;
  /** Resident memory of the child after loading everything and starting the fixed parts, before any instance (MB). */
  baselineMb: number;
  /** Mean resident memory while the instances run (MB). */
  rssMb: number;
  /** The instances' own figure (V8 heap in use plus external memory, per instance, mean; MB); NaN when unknown. */
  workerMb: number;
}

/** What a bench's child does: start `n` instances, return a function that reads their own memory figure and stops them. */
export type StartInstances = (n: number) => Promise<{ workerMb(): number; stop(): Promise<void> }>;

/**
 * Resident memory per instance, measured honestly: every count runs in a fresh Node process (nothing freed
 * by an earlier run lingers in its allocator), which first loads the bench's modules and starts its fixed
 * parts (a sink, a fault layer), forces a full collection of its main thread and reads its resident memory:
 * the baseline. It then starts the instances, lets them run `wallSeconds`, and reads resident memory six
 * times over three seconds, each after a forced full collection of the main thread (the workers'
 * heaps cannot be collected from outside: what they hold, garbage included, is what the machine pays).
 *
 * Per instance = (rss(many) − rss(few)) / (many − few): what a further instance adds, the fixed parts and
 * the main thread's share cancelling out. Each count's (rss − baseline) / n is printed beside it.
 */
export async function residentPerInstance(
  moduleUrl: URL,
  counts: readonly [few: number, many: number],
  wallSeconds: number,
): Promise<{ few: MemorySample; many: MemorySample; perInstanceMb: number }> {
  const few = await inChild(moduleUrl, counts[0], wallSeconds);
  const many = await inChild(moduleUrl, counts[1], wallSeconds);
  return { few, many, perInstanceMb: (many.rssMb - few.rssMb) / (many.instances - few.instances) };
}

async function inChild(moduleUrl: URL, instances: number, wallSeconds: number): Promise<MemorySample> {
  const child = fork(fileURLToPath(moduleUrl), [], {
    env: { ...process.env, [MEMORY_CHILD_ENV]: JSON.stringify({ instances, wallSeconds }) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  try {
    const [answer] = (await Promise.race([once(child, 'message'), exited.then(([code]) => Promise.reject(new Error(`memory bench child exited (${String(code)}) before answering`)))])) as [MemorySample | { error: string }];
    if ('error' in answer) throw new Error(`memory bench child: ${answer.error}`);
    // It stops its instances and exits; a child that does not within 30 s is ended.
    await Promise.race([exited, sleep(30_000)]);
    return answer;
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill();
  }
}

/**
 * The child's side: call from the bench module when MEMORY_CHILD_ENV is set. `setup` loads and starts
 * the fixed parts and returns how to start instances.
 */
export async function serveMemoryChild(setup: () => Promise<{ start: StartInstances; close(): Promise<void> }>): Promise<void> {
  const { instances, wallSeconds } = JSON.parse(process.env[MEMORY_CHILD_ENV] ?? '{}') as { instances: number; wallSeconds: number };
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  let fixed: Awaited<ReturnType<typeof setup>> | undefined;
  try {
    fixed = await setup();
    const baselineMb = await meanRss(gc);
    const running = await fixed.start(instances);
    try {
      await sleep(wallSeconds * 1000);
      const rssMb = await meanRss(gc);
      const sample: MemorySample = { instances, baselineMb, rssMb, workerMb: running.workerMb() };
      process.send?.(sample);
    } finally {
      await running.stop();
    }
  } catch (e) {
    process.send?.({ error: e instanceof Error ? e.message : String(e) });
  } finally {
    await fixed?.close();
    process.disconnect?.();
  }
}

async function meanRss(gc: () => void): Promise<number> {
  const samples: number[] = [];
  for (let k = 0; k < 6; k++) {
    gc();
    samples.push(process.memoryUsage().rss);
    await sleep(500);
  }
  return samples.reduce((a, b) => a + b, 0) / samples.length / 2 ** 20;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
