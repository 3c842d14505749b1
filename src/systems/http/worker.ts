import { ScaledClock } from '../../core/clock.js';
import { TIMER_MAX_WALL_MS } from '../../core/limits.js';
import { warmUpHistograms } from '../../metrics/histogram.js';
import { serveInstance } from '../isolation/worker-protocol.js';
import { epochNow, LoadThread } from './load-thread.js';
import type { HttpHeartbeat, HttpStopped, HttpTallyMessage, HttpWorkerData } from './messages.js';
import { configArrival, configRequests } from './schema.js';
import { warmUpHttpClient, warmUpRequests } from './warm-up.js';

/** Wall ms a stop waits for the requests still in flight, beyond the drain the engine already gave. */
const STOP_WAIT_WALL_MS = 2000;

/**
 * One instance of the `http` kind: one load generator (a LoadThread, as `duress load` runs in each of its
 * worker threads) sending its share of the cell's load to the target through its slot's proxy route. Its
 * counts and the latencies since the last heartbeat go with every heartbeat; the cell journals them per
 * interval. Its load begins with the cell's time (`begin`), so faults at 0s meet its first request. Input stops at the end of the scenario's duration: what was due and not sent by then is the
 * shortfall, and the requests in flight get `timeout` to finish.
 */
await serveInstance<HttpWorkerData, HttpHeartbeat, HttpStopped>((data) => {
  const clock = ScaledClock.fromSpec(data.clock);
  const config = data.system;
  const arrival = configArrival(config);
  const stop = new AbortController();
  let thread: LoadThread | undefined;
  let running: Promise<unknown> | undefined;
  let finished = false;

  const tally = (): HttpTallyMessage => {
    if (!thread) return { due: 0, sent: 0, responses: 0, shortfall: 0, bytesReceived: 0, statuses: {}, errors: {} };
    const t = thread.tally;
    return {
      due: t.model === 'open' ? t.due : t.sent,
      sent: t.sent,
      responses: t.responses,
      shortfall: t.shortfall,
      bytesReceived: t.bytesReceived,
      statuses: Object.fromEntries([...t.statuses].map(([k, v]) => [String(k), v])),
      errors: Object.fromEntries(t.errors),
      ...t.takeLatency(),
    };
  };

  return {
    async start() {
      warmUpHistograms();
      await warmUpHttpClient({ requests: warmUpRequests(arrival, data.shares), maxMs: 1500 });
      thread = new LoadThread({
        origin: data.origin,
        requests: configRequests(config),
        connections: data.connections,
        pipelining: config.pipelining,
        ...(arrival ? { arrival } : {}),
        durationMs: arrival ? 0 : TIMER_MAX_WALL_MS - 1,
        index: data.share,
        count: data.shares,
        drainTimeoutMs: config.timeout,
        requestTimeoutMs: config.timeout,
        ...(data.scheduleStartedAt !== undefined ? { resume: true } : {}),
        tls: { insecure: config.insecure, ...(config.ca !== undefined ? { ca: config.ca } : {}), ...(config.target !== undefined ? { servername: new URL(config.target).hostname } : {}) },
      });
      await thread.connect();
    },
    begin() {
      if (!thread || running || stop.signal.aborted) return;
      // A renewed instance joins the cell's schedule where it is now (at speed 1, scenario ms are wall ms).
      const startEpochMs = data.scheduleStartedAt === undefined ? epochNow() : epochNow() - (clock.now() - data.scheduleStartedAt);
      running = thread.run(startEpochMs, stop.signal).then(() => {
        finished = true;
      });
    },
    heartbeat: () => ({ message: { t: 'heartbeat', ...tally(), inFlight: thread?.inFlight ?? 0, backlog: thread?.progress().backlog ?? 0, drained: finished } }),
    stopInput() {
      stop.abort();
      // Stopped before its load began: nothing to drain.
      if (!running) finished = true;
    },
    async stop() {
      stop.abort();
      if (running) await Promise.race([running, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_WALL_MS).unref())]);
    },
    final: () => ({ message: { t: 'stopped', ...tally() } }),
  };
});
