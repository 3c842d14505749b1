import { sleepUntil } from '../core/clock.js';
import { INTERRUPTED, TIMED_OUT } from './toxic.js';
const RESOLVED = Promise.resolve();
/** A bounded FIFO of chunks between two stages of a link, with one reader and a sticky end marker. */
export class ChunkQueue {
    capacity;
    #items = [];
    #head = 0;
    #end = null;
    #reader = null;
    #drainWaiters = [];
    /** Called when the queue goes from full to not full (the link resumes its source socket). */
    onDrain = null;
    /** Called once when the queue becomes empty, then cleared. */
    onEmpty = null;
    constructor(capacity) {
        this.capacity = Math.max(1, capacity);
    }
    get length() {
        return this.#items.length - this.#head;
    }
    get full() {
        return this.length >= this.capacity;
    }
    get endKind() {
        return this.#end;
    }
    push(chunk) {
        if (this.#end !== null)
            return true;
        this.#items.push(chunk);
        this.#wakeReader();
        return this.length < this.capacity;
    }
    end(kind) {
        if (this.#end !== null)
            return;
        this.#end = kind;
        this.#wakeReader();
        this.#wakeWriters();
    }
    /** The next chunk; null once ended and empty; undefined when empty but not ended. */
    shift() {
        if (this.#head < this.#items.length) {
            const wasFull = this.full;
            const c = this.#items[this.#head];
            this.#items[this.#head++] = undefined;
            if (this.#head === this.#items.length) {
                this.#items = [];
                this.#head = 0;
            }
            else if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
                this.#items = this.#items.slice(this.#head);
                this.#head = 0;
            }
            if (wasFull && !this.full) {
                this.#wakeWriters();
                this.onDrain?.();
            }
            if (this.length === 0 && this.onEmpty) {
                const f = this.onEmpty;
                this.onEmpty = null;
                f();
            }
            return c;
        }
        return this.#end === null ? undefined : null;
    }
    /** Removes and returns every queued chunk (the end marker stays). */
    takeAll() {
        const out = [];
        for (let c = this.shift(); c; c = this.shift())
            out.push(c);
        return out;
    }
    /** Registers the single reader's wake-up for the next push or end; replaces any earlier one. */
    waitReadable(wake) {
        this.#reader = wake;
    }
    drained(signal) {
        if (!this.full || this.#end !== null || signal.aborted)
            return RESOLVED;
        return new Promise((resolve) => {
            const done = () => {
                signal.removeEventListener('abort', done);
                resolve();
            };
            this.#drainWaiters.push(done);
            signal.addEventListener('abort', done, { once: true });
        });
    }
    #wakeReader() {
        const r = this.#reader;
        if (r) {
            this.#reader = null;
            r();
        }
    }
    #wakeWriters() {
        const ws = this.#drainWaiters;
        if (ws.length === 0)
            return;
        this.#drainWaiters = [];
        for (const w of ws)
            w();
    }
}
/** The per-connection, per-direction seat of one toxic in a link's chain; see ToxicStub for the contract. */
export class Stub {
    input;
    output;
    state = undefined;
    clock;
    random;
    direction;
    #controller = new AbortController();
    #running = null;
    #closed = false;
    #sawEnd = null;
    constructor(opts) {
        this.input = opts.input;
        this.output = opts.output;
        this.clock = opts.clock;
        this.random = opts.random;
        this.direction = opts.direction;
    }
    get signal() {
        return this.#controller.signal;
    }
    get closed() {
        return this.#closed;
    }
    get running() {
        return this.#running !== null;
    }
    /** Starts `toxic.pipe` on this stub; a pipe that throws closes the stub rather than stalling the link. */
    run(toxic, onError) {
        if (this.#closed)
            return;
        this.#controller = new AbortController();
        const p = toxic.pipe(this).then(undefined, (err) => {
            onError(err);
            this.close('close');
        });
        this.#running = p;
        void p.finally(() => {
            if (this.#running === p)
                this.#running = null;
        });
    }
    /**
     * Stops the running toxic so it can be replaced; waits until its pipe returned (having forwarded what it
     * held). False if the stub is closed, as Toxiproxy's InterruptToxic.
     */
    async interrupt() {
        if (this.#closed)
            return false;
        const running = this.#running;
        if (running) {
            this.#controller.abort();
            await running;
        }
        return !this.#closed;
    }
    /** Stops everything for good without ending the output (the connection is being torn down). */
    kill() {
        this.#closed = true;
        this.#controller.abort();
        this.input.waitReadable(null);
    }
    read(timeoutMs) {
        const signal = this.#controller.signal;
        if (signal.aborted)
            return Promise.resolve(INTERRUPTED);
        const now = this.#take();
        if (now !== undefined)
            return Promise.resolve(now);
        return new Promise((resolve) => {
            let timer;
            const finish = (v) => {
                signal.removeEventListener('abort', onAbort);
                timer?.clear();
                this.input.waitReadable(null);
                resolve(v);
            };
            const onAbort = () => finish(INTERRUPTED);
            const onReadable = () => {
                const item = this.#take();
                if (item === undefined)
                    this.input.waitReadable(onReadable);
                else
                    finish(item);
            };
            signal.addEventListener('abort', onAbort, { once: true });
            if (timeoutMs !== undefined)
                timer = this.clock.setTimeout(() => finish(TIMED_OUT), timeoutMs);
            this.input.waitReadable(onReadable);
        });
    }
    #take() {
        const item = this.input.shift();
        if (item === null)
            this.#sawEnd = this.input.endKind;
        return item;
    }
    write(chunk) {
        if (this.output.push(chunk) || this.#controller.signal.aborted)
            return RESOLVED;
        return this.output.drained(this.#controller.signal);
    }
    sleep(ms) {
        const signal = this.#controller.signal;
        if (!(ms > 0))
            return Promise.resolve(!signal.aborted);
        return sleepUntil(this.clock, this.clock.now() + ms, signal);
    }
    sleepUntil(deadline) {
        return sleepUntil(this.clock, deadline, this.#controller.signal);
    }
    close(kind) {
        if (this.#closed)
            return;
        this.#closed = true;
        this.output.end(kind ?? this.#sawEnd ?? 'close');
    }
}
//# sourceMappingURL=stub.js.map