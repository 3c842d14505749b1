import type { Clock } from '../../core/clock.js';
/** How fast a subscriber reads, in scenario time: messages or bytes per second. */
export type ReadRate = {
    messagesPerSecond: number;
} | {
    bytesPerSecond: number;
};
/**
 * A token bucket that makes a subscriber read slowly. While it is empty the subscriber stops reading its
 * socket, so TCP backpressure builds up towards the broker as it would behind a slow consumer. The burst
 * is 10 ms worth of the rate (at least one frame).
 */
export declare class ReadThrottle {
    #private;
    constructor(rate: ReadRate, clock: Clock);
    /** True when a frame may be read now; otherwise arranges for `wake` to be called when one may. */
    allow(wake: () => void): boolean;
    /** A frame of `size` bytes was read. */
    consume(size: number): void;
    cancel(): void;
}
