import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { WorkerBaseData } from '../../../src/systems/isolation/worker-protocol.js';
import { ScaledClock } from '../../../src/core/clock.js';
import { relayedLookup } from '../../../src/systems/isolation/lookup-relay.js';
import { createLookup } from '../../../src/faults/dns-lookup.js';
import type { LookupFunction } from 'node:net';
import type { NetConfig } from '../../../src/systems/forwarder/config.js';
import type { NetworkStack } from '../../../src/systems/forwarder/network/network-stack.js';
import { SyncStack } from '../../../src/systems/forwarder/network/sync-stack.js';

/**
 * A lean instance for the kill stress test (kill-stress-child.ts): lanes that resolve names the way an
 * instance worker does (relayed to the main thread, lookup-relay.ts) and POST through the forwarder's real network stacks, without the rest of the forwarder, so
 * that thousands of workers can be started and killed quickly. It publishes what it is in the middle of
 * in shared memory (see StressState), and freezes its thread on `freeze` exactly as an instance worker does (src/systems/isolation/worker-protocol.ts).
 */

/** Indexes into the worker's shared Int32Array. */
export const StressState = {
  /** Lookups started and not settled. */
  lookups: 0,
  /** Requests (lookup, connect, exchange) started and not settled. */
  requests: 1,
  /** 1 while the thread is frozen by `freeze`. */
  paused: 2,
  /** Lookups and requests that settled: proof that answers were flowing. */
  settled: 3,
  /** Length of the array. */
  size: 4,
} as const;

export type StressMode = 'lookup' | 'request' | 'pause';

/** For shared-stress-worker.ts (its constants live here: that module runs an instance when imported). */
/** Index of the tick in the instance's shared Int32Array, after StressState's. */
export const SharedTick = StressState.size;
export const SHARED_STATE_SIZE = StressState.size + 1;

export interface SharedStressData extends WorkerBaseData {
  mode: StressMode;
  stack: 'sync' | 'async';
  lookupPort?: MessagePort;
  names: { slow: string; stalled: string };
  httpPort: number;
  state: SharedArrayBuffer;
}



/** A lookup function as a promise of every address. */
export function promisedLookup(lookup: LookupFunction): (hostname: string) => Promise<unknown> {
  return (hostname) => new Promise((res, rej) => lookup(hostname, { all: true }, (err, addresses) => (err ? rej(err) : res(addresses))));
}

/**
 * Runs a piece of work counted in `state`: its slot (what the instance is in the middle of) while it runs,
 * then `settled`. Its failure is expected (timeouts, stalls, refused connections, a destroyed stack).
 */
export function stressTracker(state: Int32Array): (slot: number, work: () => Promise<unknown>) => Promise<void> {
  return async (slot, work) => {
    Atomics.add(state, slot, 1);
    try {
      await work();
    } catch {
      // expected here
    } finally {
      Atomics.sub(state, slot, 1);
      Atomics.add(state, StressState.settled, 1);
    }
  };
}

export interface StressWorkerData {
  mode: StressMode;
  /** The network stack of the request lanes (request and pause modes). */
  stack: 'sync' | 'async';
  /** Where the worker posts its lookups (the child serves them with serveLookups). */
  lookupPort: MessagePort;
  /**
   * The design before issue 11, for showing that this harness provokes the abort: the worker resolves
   * through the DNS server itself (a UDP socket in the worker). No test relies on it aborting.
   */
  dnsInWorker?: { host: string; port: number } | undefined;
  /** Host names: answered after a jittered delay, and stalled for good. */
  names: { slow: string; stalled: string };
  /** The HTTP server's port, reached by the slow name. */
  httpPort: number;
  state: SharedArrayBuffer;
  freeze: SharedArrayBuffer;
}

async function main(data: StressWorkerData, port: NonNullable<typeof parentPort>): Promise<void> {
  const state = new Int32Array(data.state);
  const clock = new ScaledClock(1);
  const relayed = data.dnsInWorker ? (createLookup({ server: data.dnsInWorker, clock, timeout: 200, tries: 2 }) as LookupFunction) : relayedLookup(data.lookupPort);
  const resolve = promisedLookup(relayed);
  const track = stressTracker(state);
  const forever = (work: () => Promise<void>): void => {
    void (async () => {
      for (;;) await work();
    })();
  };

  // Lookups: both families of the slow name at once; one lane in four hangs on the stalled name (for good
  // without a deadline, as the sync stack's lookups do).
  const lookupLanes = data.mode === 'request' ? 2 : 6;
  for (let i = 0; i < lookupLanes; i++) {
    const name = i % 4 === 3 ? data.names.stalled : data.names.slow;
    forever(() => track(StressState.lookups, () => resolve(name)));
  }

  if (data.mode !== 'lookup') {
    const net: NetConfig = { stack: data.stack, keepalive: false, keepaliveIdleTimeout: 1000, connectTimeout: 500, ioTimeout: 500, dnsTimeout: 200 };
    const origin = `http://${data.names.slow}:${data.httpPort}`;
    const stacks: NetworkStack[] = [];
    for (let i = 0; i < 4; i++) {
      if (data.stack === 'sync') stacks.push(new SyncStack({ origin, net, clock, lookup: relayed }));
      else {
        const { AsyncStack } = await import('../../../src/systems/forwarder/network/async-stack.js');
        stacks.push(new AsyncStack({ origin, net, clock, lookup: relayed }));
      }
    }
    for (const stack of stacks) forever(() => track(StressState.requests, () => stack.post('/', { 'content-type': 'text/plain' }, 'x'.repeat(256))));
  }

  const freeze = new Int32Array(data.freeze);
  port.on('message', (m: { t: 'freeze'; wallMs: number }) => {
    if (m.t !== 'freeze') return;
    Atomics.store(state, StressState.paused, 1);
    Atomics.wait(freeze, 0, 0, m.wallMs);
    Atomics.store(state, StressState.paused, 0);
  });
  port.postMessage({ t: 'ready' });
}

// Loaded by the test runner as a plain module it does nothing; it runs only as a worker.
// Nor in a shared worker, where shared-stress-worker.ts imports it for its constants.
if (!isMainThread && parentPort && !(workerData as { shared?: unknown }).shared) await main(workerData as StressWorkerData, parentPort);
