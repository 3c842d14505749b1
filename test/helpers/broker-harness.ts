import { ScaledClock } from '../../src/core/clock.js';
import { Random } from '../../src/core/random.js';
import { createHistogram, recordMs, summarize, type Histogram, type LatencySummary } from '../../src/metrics/histogram.js';
import { BrokerInstance, type BrokerInstanceOptions, type PairReport } from '../../src/systems/broker/broker-instance.js';
import { waitFor } from './wait.js';

export type BrokerTestOptions = Partial<Omit<BrokerInstanceOptions, 'inbox'>> & Pick<BrokerInstanceOptions, 'inbox'>;

/** An instance with test defaults: speed 1, seed 1, 2 publishers at 500/s, 3 subscribers, 200-byte payloads. */
export function brokerInstance(options: BrokerTestOptions): BrokerInstance {
  return new BrokerInstance({
    id: 'b',
    clock: new ScaledClock(1),
    random: new Random(1),
    publishers: 2,
    subscribers: 3,
    rate: 500,
    payloadSize: 200,
    ...options,
  });
}

export interface BrokerRun {
  instance: BrokerInstance;
  counters: Record<string, number>;
  latency: Record<string, LatencySummary>;
  pairs: PairReport[];
  drained: boolean;
}

/**
 * Runs an instance for `loadMs` of load, stops the input, waits up to `drainMs` for it to drain, stops it.
 * `during` runs after start (for waits on events while the load runs).
 */
export async function runBroker(options: BrokerTestOptions, loadMs: number, drainMs: number, during?: (i: BrokerInstance) => Promise<void>): Promise<BrokerRun> {
  // The instance hands over each first delivery's latency (as to its worker); the run keeps a histogram per subscribing client.
  const histograms: Histogram[] = [];
  const instance = brokerInstance({
    ...options,
    onLatency: (j, ms) => {
      recordMs((histograms[j] ??= createHistogram()), ms);
      options.onLatency?.(j, ms);
    },
  });
  let drained: boolean;
  try {
    await instance.start();
    const load = new Promise((r) => setTimeout(r, loadMs));
    await during?.(instance);
    await load;
    instance.stopInput();
    drained = await waitFor(() => instance.drained(), drainMs, 'drain').then(
      () => true,
      () => false,
    );
  } finally {
    await instance.stop();
  }
  const latency: Record<string, LatencySummary> = {};
  instance.subscribers.forEach((s, j) => (latency[s.id] = summarize(histograms[j] ?? createHistogram())));
  return { instance, counters: instance.counters(), latency, pairs: instance.pairs(), drained };
}

/** The largest p99 (ms) among the given subscribers. */
export function worstP99(run: BrokerRun, ids: string[]): number {
  return Math.max(...ids.map((id) => run.latency[id]?.p99 ?? Number.NaN));
}
