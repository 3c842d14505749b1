import { type LatencySummary } from '../../src/metrics/histogram.js';
import { BrokerInstance, type BrokerInstanceOptions, type PairReport } from '../../src/systems/broker/broker-instance.js';
export type BrokerTestOptions = Partial<Omit<BrokerInstanceOptions, 'inbox'>> & Pick<BrokerInstanceOptions, 'inbox'>;
/** An instance with test defaults: speed 1, seed 1, 2 publishers at 500/s, 3 subscribers, 200-byte payloads. */
export declare function brokerInstance(options: BrokerTestOptions): BrokerInstance;
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
export declare function runBroker(options: BrokerTestOptions, loadMs: number, drainMs: number, during?: (i: BrokerInstance) => Promise<void>): Promise<BrokerRun>;
/** The largest p99 (ms) among the given subscribers. */
export declare function worstP99(run: BrokerRun, ids: string[]): number;
