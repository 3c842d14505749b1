import { parentPort, workerData } from 'node:worker_threads';
import type { LedgerWriter } from '../../delivery/ledger.js';
import { Forwarder } from '../../systems/forwarder/forwarder.js';
import { ScaledClock } from '../../core/clock.js';
import { Random } from '../../core/random.js';
import { WorkerHealth } from './worker-health.js';
import type { ForwarderWorkerData, FromWorker, ToWorker } from './instance-messages.js';
import { relayedLookup } from './lookup-relay.js';

/**
 * The body of an isolated instance: a worker thread that runs one system instance and reports to the
 * main thread. Nothing here catches the instance's own failures: an uncaught error ends the worker and
 * the main thread records it as a crash; the heap limit ends it as a memory failure.
 */
const data = workerData as ForwarderWorkerData;
const port = parentPort;
if (!port) throw new Error('instance-worker must run in a worker thread');
const post = (m: FromWorker): void => port.postMessage(m);

let generated = 0;
let dropped: number[] = [];
const ledger: LedgerWriter = {
  register: () => {},
  generated: (_source, count) => {
    generated = Math.max(generated, count);
  },
  declareDropped: (_source, seqs) => {
    for (const s of seqs) dropped.push(s);
  },
  declareUndrained: () => {},
};

const clock = ScaledClock.fromSpec(data.clock);
let requestMs: number[] = [];
// Resolved on the main thread: a worker that may be terminated at any moment must not hold a resolver.
const lookup = data.lookupPort ? relayedLookup(data.lookupPort) : undefined;
const forwarder = new Forwarder({
  id: data.id,
  stream: data.stream,
  config: data.system,
  clock,
  random: new Random(data.seed),
  ledger,
  origin: data.origin,
  ...(lookup ? { lookup } : {}),
  ...(data.ca !== undefined ? { ca: data.ca } : {}),
  onRequestLatency: (ms) => requestMs.push(ms),
});
const freeze = new Int32Array(data.freeze);


function heartbeat(): void {
  const p = forwarder.progress();
  post({
    t: 'heartbeat',
    generated,
    dropped,
    requestMs,
    counters: forwarder.counters(),
    outputFinished: p.outputFinished,
    lastOutputAt: p.lastOutputAt,
    inFlight: p.inFlight,
    heldBytes: p.heldBytes,
    due: p.due,
    drained: forwarder.drained(),
    ...health.sample(),
  });
  dropped = [];
  requestMs = [];
}

port.on('message', (m: ToWorker) => {
  switch (m.t) {
    case 'stopInput':
      forwarder.stopInput();
      break;
    case 'freeze': {
      // A real freeze of this thread: no timer fires, no socket is read, until the time is up.
      const frozenAt = performance.now();
      Atomics.wait(freeze, 0, 0, m.wallMs);
      health.frozeFor(performance.now() - frozenAt);
      break;
    }
    case 'busy': {
      const until = performance.now() + m.wallMs;
      while (performance.now() < until);
      break;
    }
    case 'stop': {
      clearInterval(timer);
      health.stop();
      const undrained = [...forwarder.heldSeqs()];
      void forwarder.stop().finally(() => {
        post({ t: 'stopped', generated, undrained, dropped });
        port.close();
      });
      break;
    }
  }
});

const health = new WorkerHealth(data.heartbeatWallMs);
const timer = setInterval(heartbeat, data.heartbeatWallMs);
await forwarder.start();
post({ t: 'ready' });
