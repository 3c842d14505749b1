import type { LedgerWriter } from '../../delivery/ledger.js';
import { Random } from '../../core/random.js';
import { relayedLookup } from '../isolation/lookup-relay.js';
import { serveInstance } from '../isolation/worker-protocol.js';
import { Forwarder } from './forwarder.js';
import type { ForwarderStopped, ForwarderWorkerData, Heartbeat } from './messages.js';

/**
 * The body of an isolated forwarder instance: one Forwarder in a worker thread (its own, or one it shares), posting to the cell's
 * sink through its slot's proxy route (worker-protocol.ts does the conversation with the engine).
 */
await serveInstance<ForwarderWorkerData, Heartbeat, ForwarderStopped>((data, { scope }) => {
  let generated = 0;
  let dropped: number[] = [];
  let requestMs: number[] = [];
  let undrained: number[] = [];
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
  // Resolved on the main thread: a worker that may be terminated at any moment must not hold a resolver.
  const lookup = data.lookupPort ? relayedLookup(data.lookupPort, scope) : undefined;
  // Everything the instance owns is its scope's (timers through its clock, sockets, lookups), so that it
  // can share a worker with others (kind.ts: instancesPerWorker) and still be killed or paused alone.
  const forwarder = new Forwarder({
    id: data.id,
    stream: data.channel,
    config: data.system,
    clock: scope.clock,
    owner: scope,
    random: new Random(data.seed),
    ledger,
    origin: data.origin,
    ...(lookup ? { lookup } : {}),
    ...(data.ca !== undefined ? { ca: data.ca } : {}),
    onRequestLatency: (ms) => requestMs.push(ms),
  });
  scope.onKill(() => forwarder.abandon());
  return {
    start: () => forwarder.start(),
    stopInput: () => forwarder.stopInput(),
    heartbeat: () => {
      const p = forwarder.progress();
      const message = {
        t: 'heartbeat' as const,
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
      };
      dropped = [];
      requestMs = [];
      return { message };
    },
    stop: () => {
      undrained = [...forwarder.heldSeqs()];
      return forwarder.stop();
    },
    final: () => ({ message: { t: 'stopped', generated, undrained, dropped } }),
  };
});
