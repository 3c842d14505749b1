import { formatRecordMessage } from '../../delivery/record-message.js';
/**
 * The records of one module instance, between the generator (which pushes them at the scenario's rate)
 * and the module (which pulls them in batches through `records`, an async iterable). Unbounded: a module
 * that stops reading lets its records wait here, held by the instance, as an input with no backpressure.
 */
export class RecordFeed {
    #source;
    #recordSize;
    #waiting = [];
    #ended = false;
    #wake;
    #iterated = false;
    /** Records generated so far (the next record's seq). */
    generated = 0;
    constructor(source, recordSize) {
        this.#source = source;
        this.#recordSize = recordSize;
    }
    /** The generator's record `seq`, scheduled at `scheduledAt` (scenario epoch ms). */
    push(seq, scheduledAt) {
        this.#waiting.push({ seq, time: scheduledAt, message: formatRecordMessage(this.#source, seq, scheduledAt, this.#recordSize) });
        this.generated = seq + 1;
        this.#wake?.();
    }
    /** The input stopped: the iteration ends once what waits was taken. */
    end() {
        this.#ended = true;
        this.#wake?.();
    }
    get waiting() {
        return this.#waiting.length;
    }
    async *[Symbol.asyncIterator]() {
        if (this.#iterated)
            throw new Error('context.records can be iterated once');
        this.#iterated = true;
        for (;;) {
            if (this.#waiting.length > 0) {
                const batch = this.#waiting;
                this.#waiting = [];
                yield batch;
                continue;
            }
            if (this.#ended)
                return;
            await new Promise((resolve) => {
                this.#wake = resolve;
            });
            this.#wake = undefined;
        }
    }
}
//# sourceMappingURL=record-feed.js.map