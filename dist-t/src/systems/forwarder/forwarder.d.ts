import type { LookupFunction } from 'node:net';
import type { Clock } from '../../core/clock.js';
import type { Random } from '../../core/random.js';
import type { ForwarderConfig } from './config.js';
import type { LedgerWriter } from '../../delivery/ledger.js';
import { type RequestOutcome } from './cloudwatch-output.js';
import type { SocketOwner } from './network/network-stack.js';
export interface ForwarderOptions {
    /** Unique within the run; the ledger source of this instance's records. */
    id: string;
    /** The log stream this instance writes to. */
    stream: string;
    config: ForwarderConfig;
    clock: Clock;
    random: Random;
    ledger: LedgerWriter;
    /** Where the sink is reached: the sink itself, or a proxy route in front of it. */
    origin: string;
    lookup?: LookupFunction;
    /** With an `https:` origin: the CA certificate (PEM) of the sink. */
    ca?: string;
    /** Told the latency (scenario ms) of every output request as it ends. */
    onRequestLatency: (ms: number) => void;
    /** The instance's scope, when it shares its worker: its connections are the scope's. */
    owner?: SocketOwner;
}
/** What the watchdog reads to tell a stuck instance from a busy or idle one. */
export interface ForwarderProgress {
    /** Output requests that ended, in any way (answered, failed, timed out). */
    outputFinished: number;
    /** Scenario time the last output request ended (NaN before the first). */
    lastOutputAt: number;
    /** Flushes in flight now. */
    inFlight: number;
    /** Records held (buffered, in flight or waiting to retry). */
    heldBytes: number;
    /** Records the input has scheduled so far (grows with time unless the instance is frozen). */
    due: number;
}
/** Counters of one forwarder instance; see `counters()`. */
export interface ForwarderCounters {
    generated: number;
    bufferBytes: number;
    inputPausedTicks: number;
    recordsDroppedBufferFull: number;
    chunksFlushed: number;
    chunksRetried: number;
    chunksDropped: number;
    recordsDroppedRetries: number;
    inFlight: number;
    requests: Partial<Record<RequestOutcome, number>>;
}
/**
 * The in-process log forwarder (domain.md §1): generator -> memory buffer -> scheduler -> CloudWatch
 * output -> network stack. One instance writes one log stream.
 */
export declare class Forwarder {
    #private;
    readonly id: string;
    constructor(options: ForwarderOptions);
    start(): Promise<void>;
    stopInput(): void;
    drained(): boolean;
    stop(): Promise<void>;
    /**
     * The instance was killed: its connections close and nothing more is sent, and nothing is declared
     * (a killed process tells nobody what it held). Its timers are its scope's, already cleared.
     */
    abandon(): void;
    counters(): Record<string, number>;
    detailedCounters(): ForwarderCounters;
    progress(): ForwarderProgress;
    /** Sequence numbers of every record still held: what `stop()` reports as undrained. */
    heldSeqs(): Iterable<number>;
}
