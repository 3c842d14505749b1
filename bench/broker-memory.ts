import { ScaledClock } from '../src/core/clock.js';
import { IsolatedInstance } from '../src/engine/isolation/isolated-instance.js';
import type { BrokerConfig } from '../src/systems/broker/config.js';
import type { BrokerHeartbeat, BrokerStopped, BrokerWorkerData } from '../src/systems/broker/messages.js';
import { brokerKind } from '../src/systems/broker/kind.js';
import { printTable, type BenchResult } from './bench-util.js';
import { MEMORY_CHILD_ENV, residentPerInstance, serveMemoryChild } from './resident-memory.js';

const WALL_SECONDS = Number(process.env.DURESS_BENCH_BROKER_MEMORY_SECONDS ?? 6);
const FEW = 2;
const MANY = 8;
/** Issue 18 asks at most 20 MB of resident memory per in-process forwarder instance; a broker instance is held to the same. */
const TARGET_MB = 20;
/** The heap cap the engine gives an instance when the scenario sets no memory limit (cell-runner.ts). */
const ENGINE_HEAP_CAP_MB = 1024;

/**
 * Resident memory of one broker instance as the engine runs it: a worker thread of its own (the broker
 * kind's worker module, the engine's IsolatedInstance, the heap cap it gives without a memory limit) with
 * one broker, 1 publisher at 500 messages/s of 200 B and 3 subscribers, whose routes are answered with the
 * broker's own port (no proxy: the proxy is the fault layer's memory, not the instance's). Measured as
 * resident-memory.ts says: FEW and MANY instances each in a fresh process, the baseline (the modules
 * loaded, no instance) read first; per instance = the difference / (MANY - FEW).
 */
export async function benchBrokerMemory(): Promise<BenchResult> {
  const { few, many, perInstanceMb } = await residentPerInstance(new URL(import.meta.url), [FEW, MANY], WALL_SECONDS);
  printTable(`broker memory: 1 publisher (500/s, 200 B) and 3 subscribers per instance, a worker each; ${FEW} and ${MANY} instances, each count in a fresh process, ${WALL_SECONDS} s wall`, [
    ['baseline: the process with the modules loaded, no instance (mean of both)', `${((few.baselineMb + many.baselineMb) / 2).toFixed(0)} MB`],
    [`resident memory, ${FEW} instances (above baseline / ${FEW})`, `${few.rssMb.toFixed(0)} MB (${((few.rssMb - few.baselineMb) / FEW).toFixed(1)} MB)`],
    [`resident memory, ${MANY} instances (above baseline / ${MANY})`, `${many.rssMb.toFixed(0)} MB (${((many.rssMb - many.baselineMb) / MANY).toFixed(1)} MB)`],
    [`per instance: the difference / ${MANY - FEW} (target <= ${TARGET_MB} MB)`, `${perInstanceMb.toFixed(1)} MB`],
    ['the workers\' own figure: V8 heap in use + external, per instance (mean)', `${many.workerMb.toFixed(1)} MB`],
  ]);
  return { name: 'broker-memory', metrics: { perInstanceMb, workerHeapAndExternalMb: many.workerMb, baselineMb: many.baselineMb }, pass: perInstanceMb <= TARGET_MB };
}

/** The measuring child: starts `n` broker instances as the engine does. */
async function startBrokers(n: number): Promise<{ workerMb(): number; stop(): Promise<void> }> {
  const clock = new ScaledClock(1).spec();
  const system: BrokerConfig = {
    kind: 'broker',
    publishers: 1,
    subscribers: 3,
    peers: 0,
    topics: 1,
    rate: 500,
    payloadSize: 200,
    inbox: { kind: 'block', limit: { messages: 1024 } },
    server: { kind: 'in-process' },
    creditWindow: 64 * 1024,
    writeHighWater: 64 * 1024,
  };
  const instances: IsolatedInstance<BrokerHeartbeat, BrokerStopped>[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(instances.map((i) => i.stop()));
  };
  try {
    for (let i = 0; i < n; i++) {
      const data: BrokerWorkerData = { id: `bm${i}`, clock, seed: i + 1, heartbeatWallMs: 500, memoryLimit: 0, freeze: new SharedArrayBuffer(4), system };
      const instance = new IsolatedInstance<BrokerHeartbeat, BrokerStopped>(data, { worker: brokerKind.isolation.worker, heapLimitMb: ENGINE_HEAP_CAP_MB });
      instance.on('listening', (port) => instance.routes([port, port, port]));
      instances.push(instance);
      await instance.start();
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    workerMb: () => {
      const delivered = instances.map((i) => i.last?.delivered ?? 0);
      if (delivered.some((d) => d === 0)) throw new Error(`broker-memory: an instance delivered nothing (${delivered.join(', ')})`);
      const worker = instances.map((i) => i.last?.memoryUsed ?? Number.NaN);
      return worker.reduce((a, b) => a + b, 0) / worker.length / 2 ** 20;
    },
    stop,
  };
}

if (process.env[MEMORY_CHILD_ENV]) await serveMemoryChild(async () => ({ start: startBrokers, close: async () => {} }));
