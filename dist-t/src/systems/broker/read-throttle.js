/**
 * A token bucket that makes a subscriber read slowly. While it is empty the subscriber stops reading its
 * socket, so TCP backpressure builds up towards the broker as it would behind a slow consumer. The burst
 * is 10 ms worth of the rate (at least one frame).
 */
export class ReadThrottle {
    #clock;
    #perMs;
    #bytes;
    #burst;
    #tokens;
    #last;
    #wake;
    constructor(rate, clock) {
        const perSecond = 'bytesPerSecond' in rate ? rate.bytesPerSecond : rate.messagesPerSecond;
        if (!(perSecond > 0))
            throw new RangeError(`read rate must be positive, got ${perSecond}`);
        this.#clock = clock;
        this.#bytes = 'bytesPerSecond' in rate;
        this.#perMs = perSecond / 1000;
        this.#burst = Math.max(this.#perMs * 10, 1);
        this.#tokens = this.#burst;
        this.#last = clock.now();
    }
    /** True when a frame may be read now; otherwise arranges for `wake` to be called when one may. */
    allow(wake) {
        this.#refill();
        if (this.#tokens > 0)
            return true;
        if (!this.#wake) {
            const waitMs = (1 - this.#tokens) / this.#perMs;
            this.#wake = this.#clock.setTimeout(() => {
                this.#wake = undefined;
                wake();
            }, waitMs);
        }
        return false;
    }
    /** A frame of `size` bytes was read. */
    consume(size) {
        this.#tokens -= this.#bytes ? size : 1;
    }
    cancel() {
        this.#wake?.clear();
        this.#wake = undefined;
    }
    #refill() {
        const now = this.#clock.now();
        this.#tokens = Math.min(this.#burst, this.#tokens + (now - this.#last) * this.#perMs);
        this.#last = now;
    }
}
//# sourceMappingURL=read-throttle.js.map