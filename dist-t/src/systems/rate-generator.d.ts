import type { Clock } from '../core/clock.js';
/**
 * Produces records at a fixed rate of scenario time: the input of the forwarder and of output modules.
 * Record k is *scheduled* at start + k / rate; the generator hands records over on a short timer, and each
 * carries its scheduled time, so latency counted from it includes any time the input was held back (no
 * coordinated omission).
 *
 * `accept` returns false when the consumer cannot take a record now (input paused): the record stays
 * owed and is offered again on the next tick, with its original scheduled time.
 */
export declare class RateGenerator {
    #private;
    /** Ticks on which the consumer refused a record (input paused). */
    pausedTicks: number;
    /** `rate` in records per scenario second. */
    constructor(rate: number, clock: Clock);
    get produced(): number;
    /** Records scheduled so far, produced or still owed. */
    due(): number;
    start(accept: (seq: number, scheduledAt: number) => boolean, onTick: () => void): void;
    stop(): void;
}
