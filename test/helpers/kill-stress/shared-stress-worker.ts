import { relayedLookup } from '../../../src/systems/isolation/lookup-relay.js';
import { serveInstance, type BaseHeartbeat, type BaseStopped } from '../../../src/systems/isolation/worker-protocol.js';
import type { NetConfig } from '../../../src/systems/forwarder/config.js';
import type { NetworkStack } from '../../../src/systems/forwarder/network/network-stack.js';
import { AsyncStack } from '../../../src/systems/forwarder/network/async-stack.js';
import { SyncStack } from '../../../src/systems/forwarder/network/sync-stack.js';
import { SharedTick, StressState, promisedLookup, stressTracker, type SharedStressData } from './stress-worker.js';

/**
 * A lean instance for the shared-worker kill stress (shared-kill-stress-child.ts), run by the real
 * instance protocol (serveInstance, so in a shared worker: shared-worker.ts): lanes that resolve names
 * relayed to the main thread and POST through the forwarder's real network stacks, everything owned by
 * the instance's scope, as the forwarder's worker does. It publishes what it is in the middle of in
 * shared memory (StressState), and a tick that advances every scenario millisecond on its scope's clock
 * (SharedTick): a paused or killed instance's tick stands still, a running sibling's moves on.
 */

await serveInstance<SharedStressData, BaseHeartbeat, BaseStopped>((data, { scope }) => {
  const state = new Int32Array(data.state);
  const relayed = relayedLookup(data.lookupPort!, scope);
  const resolve = promisedLookup(relayed);
  const track = stressTracker(state);
  // A lane goes round until its instance is killed: a lookup it waits on is then never answered.
  const forever = (work: () => Promise<void>): void => {
    void (async () => {
      while (!scope.killed) await work();
    })();
  };
  const stacks: NetworkStack[] = [];
  scope.onKill(() => {
    for (const s of stacks) void s.destroy();
  });
  return {
    async start() {
      scope.clock.setInterval(() => Atomics.add(state, SharedTick, 1), 1);
      // Lookups: the slow name (answered after 2–4 ms, so answers keep flowing) and the stalled one (never
      // answered: a lookup is always pending); the request lanes' connects resolve the slow name too.
      forever(() => track(StressState.lookups, () => resolve(data.names.stalled)));
      if (data.mode !== 'request')
        forever(async () => {
          await track(StressState.lookups, () => resolve(data.names.slow));
          await scope.clock.sleep(2).catch(() => undefined);
        });
      if (data.mode === 'lookup') return;
      const net: NetConfig = { stack: data.stack, keepalive: false, keepaliveIdleTimeout: 1000, connectTimeout: 500, ioTimeout: 500, dnsTimeout: 200 };
      const origin = `http://${data.names.slow}:${data.httpPort}`;
      for (let i = 0; i < 2; i++) {
        const options = { origin, net, clock: scope.clock, lookup: relayed, owner: scope };
        stacks.push(data.stack === 'sync' ? new SyncStack(options) : new AsyncStack(options));
      }
      // A rest of a few ms between requests: kills still fall mid-request most of the time, at a fraction of the CPU.
      for (const stack of stacks)
        forever(async () => {
          await track(StressState.requests, () => stack.post('/', { 'content-type': 'text/plain' }, 'x'.repeat(256)));
          await scope.clock.sleep(4).catch(() => undefined);
        });
    },
    heartbeat: () => ({ message: { t: 'heartbeat', drained: false } }),
    stopInput() {},
    async stop() {
      for (const s of stacks) await s.destroy();
    },
    final: () => ({ message: { t: 'stopped' } }),
  };
});
