import { RecordMessageWriter } from '../../delivery/record-message.js';
import { MemoryBuffer } from './buffer.js';
import { CloudWatchOutput } from './cloudwatch-output.js';
import { AsyncStack } from './network/async-stack.js';
import { SyncStack } from './network/sync-stack.js';
import { RateGenerator } from '../rate-generator.js';
import { Scheduler } from './scheduler.js';
/**
 * The in-process log forwarder (domain.md §1): generator -> memory buffer -> scheduler -> CloudWatch
 * output -> network stack. One instance writes one log stream.
 */
export class Forwarder {
    id;
    #o;
    #buffer;
    #generator;
    #scheduler;
    #net;
    #output;
    #flushTimer;
    #inputStopped = false;
    #c = {
        recordsDroppedBufferFull: 0,
        chunksFlushed: 0,
        chunksRetried: 0,
        chunksDropped: 0,
        recordsDroppedRetries: 0,
    };
    #requests = {};
    #messages;
    #outputFinished = 0;
    #lastOutputAt = Number.NaN;
    constructor(options) {
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
        this.#scheduler = new Scheduler(config.scheduler, {
            flush: (chunk) => this.#output.flush(chunk),
            done: (chunk, result) => this.#done(chunk, result),
            retrying: () => {
                this.#c.chunksRetried += 1;
            },
            prepare: (chunk) => this.#output.prepare(chunk),
        }, clock, options.random);
    }
    async start() {
        const { ledger, clock, config } = this.#o;
        ledger.register(this.id);
        this.#generator.start((seq, scheduledAt) => this.#accept(seq, scheduledAt), () => ledger.generated(this.id, this.#generator.produced));
        this.#flushTimer = clock.setInterval(() => this.#scheduler.tick(this.#buffer.takeReady()), config.flush);
    }
    stopInput() {
        this.#inputStopped = true;
        this.#generator.stop();
        this.#o.ledger.generated(this.id, this.#generator.produced);
    }
    drained() {
        // Only once input has stopped: an empty buffer between two flushes of a running forwarder is not a drain.
        return this.#inputStopped && this.#buffer.empty && !this.#scheduler.busy;
    }
    async stop() {
        if (!this.#inputStopped)
            this.stopInput();
        if (this.#flushTimer)
            clearInterval(this.#flushTimer);
        this.#scheduler.stop();
        this.#o.ledger.declareUndrained(this.id, this.#buffer.heldSeqs());
        await this.#net.destroy();
    }
    /**
     * The instance was killed: its connections close and nothing more is sent, and nothing is declared
     * (a killed process tells nobody what it held). Its timers are its scope's, already cleared.
     */
    abandon() {
        this.#generator.stop();
        if (this.#flushTimer)
            clearInterval(this.#flushTimer);
        this.#scheduler.stop();
        void this.#net.destroy();
    }
    counters() {
        const c = this.detailedCounters();
        const flat = {};
        for (const [k, v] of Object.entries(c)) {
            if (typeof v === 'number')
                flat[k] = v;
        }
        for (const [k, v] of Object.entries(c.requests))
            flat[`requests.${k}`] = v;
        return flat;
    }
    detailedCounters() {
        return {
            generated: this.#generator.produced,
            bufferBytes: this.#buffer.used,
            inputPausedTicks: this.#generator.pausedTicks,
            ...this.#c,
            inFlight: this.#scheduler.inFlight,
            requests: { ...this.#requests },
        };
    }
    progress() {
        return {
            outputFinished: this.#outputFinished,
            lastOutputAt: this.#lastOutputAt,
            inFlight: this.#scheduler.inFlight,
            heldBytes: this.#buffer.used,
            due: this.#inputStopped ? this.#generator.produced : this.#generator.due(),
        };
    }
    /** Sequence numbers of every record still held: what `stop()` reports as undrained. */
    heldSeqs() {
        return this.#buffer.heldSeqs();
    }
    #accept(seq, scheduledAt) {
        if (this.#buffer.full) {
            if (this.#o.config.onFull === 'pause')
                return false;
            this.#c.recordsDroppedBufferFull += 1;
            this.#o.ledger.generated(this.id, seq + 1);
            this.#o.ledger.declareDropped(this.id, [seq]);
            return true;
        }
        this.#buffer.append(seq, scheduledAt, this.#messages.set(seq, scheduledAt));
        return true;
    }
    #done(chunk, result) {
        if (result === 'ok')
            this.#c.chunksFlushed += 1;
        else {
            this.#c.chunksDropped += 1;
            this.#c.recordsDroppedRetries += chunk.seqs.length;
            this.#o.ledger.declareDropped(this.id, chunk.seqs);
        }
        this.#buffer.release(chunk, result === 'ok' ? 'delivered' : 'dropped');
    }
}
//# sourceMappingURL=forwarder.js.map