import { ScaledClock } from '../../src/core/clock.js';
import { Random } from '../../src/core/random.js';
import { createHistogram, recordMs, summarize } from '../../src/metrics/histogram.js';
import { BrokerInstance } from '../../src/systems/broker/broker-instance.js';
import { waitFor } from './wait.js';
/** An instance with test defaults: speed 1, seed 1, 2 publishers at 500/s, 3 subscribers, 200-byte payloads. */
export function brokerInstance(options) {
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
/**
 * Runs an instance for `loadMs` of load, stops the input, waits up to `drainMs` for it to drain, stops it.
 * `during` runs after start (for waits on events while the load runs).
 */
export async function runBroker(options, loadMs, drainMs, during) {
    // The instance hands over each first delivery's latency (as to its worker); the run keeps a histogram per subscribing client.
    const histograms = [];
    const instance = brokerInstance({
        ...options,
        onLatency: (j, ms) => {
            recordMs((histograms[j] ??= createHistogram()), ms);
            options.onLatency?.(j, ms);
        },
    });
    let drained;
    try {
        await instance.start();
        const load = new Promise((r) => setTimeout(r, loadMs));
        await during?.(instance);
        await load;
        instance.stopInput();
        drained = await waitFor(() => instance.drained(), drainMs, 'drain').then(() => true, () => false);
    }
    finally {
        await instance.stop();
    }
    const latency = {};
    instance.subscribers.forEach((s, j) => (latency[s.id] = summarize(histograms[j] ?? createHistogram())));
    return { instance, counters: instance.counters(), latency, pairs: instance.pairs(), drained };
}
/** The largest p99 (ms) among the given subscribers. */
export function worstP99(run, ids) {
    return Math.max(...ids.map((id) => run.latency[id]?.p99 ?? Number.NaN));
}
//# sourceMappingURL=broker-harness.js.map