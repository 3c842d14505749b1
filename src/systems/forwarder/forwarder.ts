import type { LookupFunction } from 'node:net';
import type { Clock } from '../../core/clock.js';
import type { Random } from '../../core/random.js';
import type { ForwarderConfig } from './config.js';
import type { LedgerWriter } from '../../delivery/ledger.js';
import { RecordMessageWriter } from '../../delivery/record-message.js';
import { MemoryBuffer } from './buffer.js';
import type { Chunk } from './chunk.js';
import { CloudWatchOutput, type RequestOutcome } from './cloudwatch-output.js';
import { AsyncStack } from './network/async-stack.js';
import { SyncStack } from './network/sync-stack.js';
import type { NetworkStack, SocketOwner } from './network/network-stack.js';
import { RateGenerator } from '../rate-generator.js';
import { Scheduler } from './scheduler.js';

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
export class Forwarder {
  readonly id: string;
  readonly #o: ForwarderOptions;
  readonly #buffer: MemoryBuffer;
  readonly #generator: RateGenerator;
  readonly #scheduler: Scheduler;
  readonly #net: NetworkStack;
  readonly #output: CloudWatchOutput;
  #flushTimer: NodeJS.Timeout | undefined;
  #inputStopped = false;
  readonly #c = {
    recordsDroppedBufferFull: 0,
    chunksFlushed: 0,
    chunksRetried: 0,
    chunksDropped: 0,
    recordsDroppedRetries: 0,
  };
  readonly #requests: Partial<Record<RequestOutcome, number>> = {};
  readonly #messages: RecordMessageWriter;
  #outputFinished = 0;
  #lastOutputAt = Number.NaN;

  constructor(options: ForwarderOptions) {
    this.id = options.id;
    this.#o = options;
    const { config, clock } = options;
    this.#messages = new RecordMessageWriter(options.id, config.input.recordSize);
    this.#buffer = new MemoryBuffer(config.memLimit, config.chunkSize);
    this.#generator = new RateGenerator(config.input.rate, clock);
    const stackOptions = {
      origin: options.origin,
      net: config.net,
      clock,
      ...(options.lookup ? { lookup: options.lookup } : {}),
      ...(options.ca !== undefined ? { ca: options.ca } : {}),
      ...(options.owner ? { owner: options.owner } : {}),
    };
    this.#net = config.net.stack === 'sync' ? new SyncStack(stackOptions) : new AsyncStack(stackOptions);
    this.#output = new CloudWatchOutput(config.output, options.stream, this.#net, clock, (outcome, ms) => {
      this.#requests[outcome] = (this.#requests[outcome] ?? 0) + 1;
      this.#outputFinished += 1;
      this.#lastOutputAt = clock.now();
      options.onRequestLatency(ms);
    });
    this.#scheduler = new Scheduler(
      config.scheduler,
      {
        flush: (chunk) => this.#output.flush(chunk),
        done: (chunk, result) => this.#done(chunk, result),
        retrying: () => {
          this.#c.chunksRetried += 1;
        },
        prepare: (chunk) => this.#output.prepare(chunk),
      },
      clock,
      options.random,
    );
  }

  async start(): Promise<void> {
    const { ledger, clock, config } = this.#o;
    ledger.register(this.id);
    this.#generator.start(
      (seq, scheduledAt) => this.#accept(seq, scheduledAt),
      () => ledger.generated(this.id, this.#generator.produced),
    );
    this.#flushTimer = clock.setInterval(() => this.#scheduler.tick(this.#buffer.takeReady()), config.flush);
  }

  stopInput(): void {
    this.#inputStopped = true;
    this.#generator.stop();
    this.#o.ledger.generated(this.id, this.#generator.produced);
  }

  drained(): boolean {
    // Only once input has stopped: an empty buffer between two flushes of a running forwarder is not a drain.
    return this.#inputStopped && this.#buffer.empty && !this.#scheduler.busy;
  }

  async stop(): Promise<void> {
    if (!this.#inputStopped) this.stopInput();
    if (this.#flushTimer) clearInterval(this.#flushTimer);
    this.#scheduler.stop();
    this.#o.ledger.declareUndrained(this.id, this.#buffer.heldSeqs());
    await this.#net.destroy();
  }

  /**
   * The instance was killed: its connections close and nothing more is sent, and nothing is declared
   * (a killed process tells nobody what it held). Its timers are its scope's, already cleared.
   */
  abandon(): void {
    this.#generator.stop();
    if (this.#flushTimer) clearInterval(this.#flushTimer);
    this.#scheduler.stop();
    void this.#net.destroy();
  }

  /**
   * The counters flat (`requests.<outcome>` for request outcomes), as every heartbeat carries them: built
   * directly, since an instance sends one every heartbeat (tens per wall second) and this was a large
   * share of a worker's garbage.
   */
  counters(): Record<string, number> {
    const flat: Record<string, number> = {
      generated: this.#generator.produced,
      bufferBytes: this.#buffer.used,
      inputPausedTicks: this.#generator.pausedTicks,
      // The same counters as detailedCounters(), so that one added to #c reaches the heartbeat too.
      ...this.#c,
      inFlight: this.#scheduler.inFlight,
    };
    const requests = this.#requests;
    for (const k in requests) flat[`requests.${k}`] = requests[k as RequestOutcome] as number;
    return flat;
  }

  detailedCounters(): ForwarderCounters {
    return {
      generated: this.#generator.produced,
      bufferBytes: this.#buffer.used,
      inputPausedTicks: this.#generator.pausedTicks,
      ...this.#c,
      inFlight: this.#scheduler.inFlight,
      requests: { ...this.#requests },
    };
  }

  progress(): ForwarderProgress {
    return {
      outputFinished: this.#outputFinished,
      lastOutputAt: this.#lastOutputAt,
      inFlight: this.#scheduler.inFlight,
      heldBytes: this.#buffer.used,
      due: this.#inputStopped ? this.#generator.produced : this.#generator.due(),
    };
  }

  /** Sequence numbers of every record still held: what `stop()` reports as undrained. */
  heldSeqs(): Iterable<number> {
    return this.#buffer.heldSeqs();
  }

  #accept(seq: number, scheduledAt: number): boolean {
    if (this.#buffer.full) {
      if (this.#o.config.onFull === 'pause') return false;
      this.#c.recordsDroppedBufferFull += 1;
      this.#o.ledger.generated(this.id, seq + 1);
      this.#o.ledger.declareDropped(this.id, [seq]);
      return true;
    }
    this.#buffer.append(seq, scheduledAt, this.#messages.set(seq, scheduledAt));
    return true;
  }

  #done(chunk: Chunk, result: 'ok' | 'dropped'): void {
    if (result === 'ok') this.#c.chunksFlushed += 1;
    else {
      this.#c.chunksDropped += 1;
      this.#c.recordsDroppedRetries += chunk.seqs.length;
      this.#o.ledger.declareDropped(this.id, chunk.seqs);
    }
    this.#buffer.release(chunk, result === 'ok' ? 'delivered' : 'dropped');
  }
}
