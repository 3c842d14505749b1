import { ScaledClock } from '../src/core/clock.js';
import { IsolatedInstance } from '../src/engine/isolation/isolated-instance.js';
import type { BrokerConfig } from '../src/systems/broker/config.js';
import type { BrokerHeartbeat, BrokerStopped, BrokerWorkerData } from '../src/systems/broker/messages.js';
import { brokerKind } from '../src/systems/broker/kind.js';
import { printTable, type BenchResult } from './bench-util.js';

const WALL_SECONDS = Number(process.env.DURESS_BENCH_BROKER_MEMORY_SECONDS ?? 6);
const FEW = 2;
const MANY = 6;
/** Issue 18 asks at most 20 MB of resident memory per in-process forwarder instance; a broker instance is held to the same. */
const TARGET_MB = 20;
/** The heap cap the engine gives an instance when the scenario sets no memory limit (cell-runner.ts). */
const ENGINE_HEAP_CAP_MB = 1024;

/**
 * Resident memory of one broker instance as the engine runs it: a worker thread (the broker kind's worker
 * module, the engine's IsolatedInstance, the heap cap it gives without a memory limit) with one broker, 1 publisher at 500
 * messages/s of 200 B and 3 subscribers, whose routes are answered with the broker's own port (no proxy:
 * the proxy is the fault layer's memory, not the instance's). Measured as the difference of the process's
 * resident memory (mean of 6 samples over 3 s, after WALL_SECONDS) between MANY and FEW instances, divided
 * by MANY - FEW, so that what every process holds anyway cancels; beside it, the workers' own figure (V8
 * heap in use plus external memory, garbage not yet collected included).
 */
export async function benchBrokerMemory(): Promise<BenchResult> {
  const few = await measure(FEW);
  const many = await measure(MANY);
  const perInstanceMb = (many.rssMb - few.rssMb) / (MANY - FEW);
  printTable(`broker memory: 1 publisher (500/s, 200 B) and 3 subscribers per instance, ${FEW} and ${MANY} instances`, [
    [`process resident memory, ${FEW} instances`, `${few.rssMb.toFixed(0)} MB`],
    [`process resident memory, ${MANY} instances`, `${many.rssMb.toFixed(0)} MB`],
    [`per instance (difference / ${MANY - FEW}; target <= ${TARGET_MB} MB)`, `${perInstanceMb.toFixed(1)} MB`],
    ['worker heap + external per instance (mean)', `${many.workerMb.toFixed(1)} MB`],
  ]);
  return { name: 'broker-memory', metrics: { perInstanceMb, workerHeapAndExternalMb: many.workerMb }, pass: perInstanceMb <= TARGET_MB };
}

async function measure(n: number): Promise<{ rssMb: number; workerMb: number }> {
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
  try {
    for (let i = 0; i < n; i++) {
      const data: BrokerWorkerData = { id: `bm${i}`, clock, seed: i + 1, heartbeatWallMs: 500, freeze: new SharedArrayBuffer(4), system };
      const instance = new IsolatedInstance<BrokerHeartbeat, BrokerStopped>(data, { worker: brokerKind.isolation.worker, heapLimitMb: ENGINE_HEAP_CAP_MB });
      instance.on('listening', (port) => instance.routes([port, port, port]));
      await instance.start();
      instances.push(instance);
    }
    await sleep(WALL_SECONDS * 1000);
    const samples: number[] = [];
    for (let k = 0; k < 6; k++) {
      samples.push(process.memoryUsage().rss);
      await sleep(500);
    }
    const rssMb = samples.reduce((a, b) => a + b, 0) / samples.length / 2 ** 20;
    const worker = instances.map((i) => i.last?.memoryUsed ?? Number.NaN);
    const delivered = instances.map((i) => i.last?.delivered ?? 0);
    if (delivered.some((d) => d === 0)) throw new Error(`broker-memory: an instance delivered nothing (${delivered.join(', ')})`);
    return { rssMb, workerMb: worker.reduce((a, b) => a + b, 0) / worker.length / 2 ** 20 };
  } finally {
    await Promise.all(instances.map((i) => i.stop()));
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
