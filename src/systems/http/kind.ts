import type { SystemKind } from '../system-kind.js';
import { HttpCell, SUCCEEDED_STATUSES, type HttpSpawnData, type HttpWatch } from './cell.js';
import type { HttpHeartbeat, HttpStopped } from './messages.js';
import { configArrival, httpSchema, type HttpConfig } from './schema.js';

/** The built-in target a cell starts when the scenario names no `target` URL. */
export const BUILT_IN_TARGET_SINK = 'http-target';

/**
 * `system: { kind: http }`: an HTTP load test (schema.ts says what it sends and how fast). Each instance is
 * one load generator in its own worker thread with its share of the cell's rate and connections, sending
 * through its slot's proxy route (the one link, `target`), so toxics and `down` act on the route to the
 * target. The target is a URL outside duress, or the cell's built-in target (the `http-target` sink).
 * It runs in real time: the target does not follow duress's clock.
 */
export const httpKind: SystemKind<HttpConfig, HttpHeartbeat, HttpStopped, HttpSpawnData, HttpWatch> = {
  name: 'http',
  noun: 'an HTTP load',
  schema: httpSchema,
  links: (config) => {
    const common = { names: ['target'], defaultLink: 'target', dns: false, describe: 'an HTTP load has one link, target' } as const;
    if (config.target === undefined) return { ...common, upstream: 'sink' };
    const url = new URL(config.target);
    const scheme = url.protocol === 'https:' ? 'https' : 'http';
    return { ...common, upstream: 'address', address: `${url.hostname}:${url.port || (scheme === 'https' ? 443 : 80)}`, scheme };
  },
  sink: (config) => (config.target === undefined ? BUILT_IN_TARGET_SINK : undefined),
  // Nothing is scaled: the kind runs at clock speed 1 (wallClockOnly).
  scaledDurations: () => [],
  recordsPerSecond: (config) => config.rate ?? Math.max(config.startRate ?? 0, ...(config.stages ?? []).map((s) => s.target)),
  wallClockOnly: () => 'an HTTP load acts on a real service, which does not run faster',
  isolation: { worker: new URL('./worker.js', import.meta.url), minHeapMb: 64 },
  report: { succeededRequests: SUCCEEDED_STATUSES },
  // The closed model has one latency, from the send: the cell's latency and the request latency (cell.ts).
  latencyLabels: (config) =>
    configArrival(config) === undefined
      ? { endToEnd: 'request (closed model, from send)', request: 'request (closed model, from send)' }
      : { endToEnd: 'corrected (from due time)', request: 'uncorrected (from send)' },
  createCell: (context) => new HttpCell(context),
};
