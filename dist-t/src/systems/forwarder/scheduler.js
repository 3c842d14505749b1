import { fullJitterBackoff } from './backoff.js';
/**
 * Decides when chunks are flushed (domain.md §1):
 *  - `async`: every chunk ready at a flush tick is flushed at once, concurrently (Fluent Bit's coroutines);
 *    a retry is flushed when its timer fires.
 *  - `sync-minimal` (FLB_OUTPUT_SYNCHRONOUS): one chunk in flight at a time; the next pending one starts as
 *    soon as the last ends, whatever its outcome; retries re-enter the same queue.
 *  - `sync-legacy` (FLB_OUTPUT_NO_MULTIPLEX): at a flush tick, one chunk is started only if none is in
 *    flight and none is waiting to retry; so at most one chunk per flush interval.
 */
export class Scheduler {
    #config;
    #hooks;
    #clock;
    #random;
    #pending = [];
    #retryTimers = new Map();
    #inFlight = 0;
    #stopped = false;
    constructor(config, hooks, clock, random) {
        this.#config = config;
        this.#hooks = hooks;
        this.#clock = clock;
        this.#random = random;
    }
    /** Chunks that have not finished: pending, in flight or waiting to retry. */
    get busy() {
        return this.#pending.length > 0 || this.#inFlight > 0 || this.#retryTimers.size > 0;
    }
    get inFlight() {
        return this.#inFlight;
    }
    get pending() {
        return this.#pending.length;
    }
    /** A flush tick, with the chunks that became ready since the last one. */
    tick(ready) {
        if (this.#stopped)
            return;
        this.#pending.push(...ready);
        switch (this.#config.kind) {
            case 'async':
                for (const c of this.#pending.splice(0))
                    this.#start(c);
                break;
            case 'sync-minimal':
                this.#startNextSerial();
                break;
            case 'sync-legacy':
                if (this.#inFlight === 0 && this.#retryTimers.size === 0) {
                    const next = this.#pending.shift();
                    if (next)
                        this.#start(next);
                }
                break;
        }
    }
    stop() {
        this.#stopped = true;
        for (const t of this.#retryTimers.values())
            t.clear();
        this.#retryTimers.clear();
        this.#pending.length = 0;
    }
    #startNextSerial() {
        if (this.#inFlight > 0)
            return;
        const next = this.#pending.shift();
        if (!next)
            return;
        this.#start(next);
        const following = this.#pending[0];
        const prepare = this.#hooks.prepare;
        if (following && prepare)
            setImmediate(() => prepare(following));
    }
    #start(chunk) {
        this.#inFlight += 1;
        this.#hooks.flush(chunk).then((outcome) => this.#finished(chunk, outcome), (err) => {
            // Outputs answer every network condition with an outcome; anything thrown is a bug. It must not
            // pass for a retry: it surfaces as an uncaught error, which the instance's isolation records as a crash.
            setImmediate(() => {
                throw err;
            });
        });
    }
    #finished(chunk, outcome) {
        this.#inFlight -= 1;
        if (this.#stopped)
            return;
        if (outcome === 'ok')
            this.#hooks.done(chunk, 'ok');
        else if (outcome === 'error' || !this.#mayRetry(chunk))
            this.#hooks.done(chunk, 'dropped');
        else
            this.#scheduleRetry(chunk);
        if (this.#config.kind === 'sync-minimal')
            this.#startNextSerial();
    }
    #mayRetry(chunk) {
        return this.#config.retryLimit === null || chunk.retries < this.#config.retryLimit;
    }
    #scheduleRetry(chunk) {
        const wait = fullJitterBackoff(chunk.retries, this.#config.base, this.#config.cap, this.#random);
        chunk.retries += 1;
        this.#hooks.retrying(chunk, wait);
        const timer = this.#clock.setTimeout(() => {
            this.#retryTimers.delete(chunk);
            if (this.#stopped)
                return;
            if (this.#config.kind === 'async')
                this.#start(chunk);
            else {
                // Serial schedulers: a retry goes to the head of the queue, so order is kept.
                this.#pending.unshift(chunk);
                if (this.#config.kind === 'sync-minimal')
                    this.#startNextSerial();
            }
        }, wait);
        this.#retryTimers.set(chunk, timer);
    }
}
//# sourceMappingURL=scheduler.js.map