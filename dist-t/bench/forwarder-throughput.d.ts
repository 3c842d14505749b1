import { type BenchResult } from './bench-util.js';
/**
 * Records per second delivered end to end by the quickstart pipeline (generator, buffer, scheduler,
 * CloudWatch output, undici, mock sink, ledger), beside the limit: a bare undici loop that posts the same
 * batches (same streams, same batch size, same message bytes) to the same kind of sink, one request at a
 * time per stream as sync-minimal does. Both run with the sink's throttling off, so the quota is not what
 * is measured, and with the input saturated (the generator asks for far more than can be sent).
 */
export declare function benchForwarderThroughput(): Promise<BenchResult>;
