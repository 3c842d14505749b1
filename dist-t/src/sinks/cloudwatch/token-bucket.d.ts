/**
 * A token bucket on scenario time: `rate` tokens per second up to `burst`, starting full.
 * The caller passes `now` (scenario ms) so one clock reading serves a whole request.
 */
export declare class TokenBucket {
    #private;
    constructor(rate: number, burst: number, now: number);
    /** Takes one token if there is one. */
    take(now: number): boolean;
}
