/** One held slot: what holds it and since when (scenario epoch ms). */
export interface Slot<T> {
    readonly tag: T;
    readonly since: number;
}
/**
 * A bounded pool of slots (libchirp's MAX_SLOTS): a fixed number of messages a connection endpoint may
 * hold at once. Used twice per endpoint in sync-ack mode: for data frames sent and not yet acknowledged,
 * and for frames read and not yet handled. Slots are released in any order.
 */
export declare class SlotPool<T> {
    #private;
    readonly total: number;
    constructor(total: number);
    get used(): number;
    get free(): number;
    /** Takes a slot; throws if none is free (callers check `free` first: a full pool is a wait, not an error). */
    acquire(tag: T, now: number): Slot<T>;
    release(slot: Slot<T>): boolean;
    /** Releases the oldest held slot (acknowledgements arrive in send order). */
    releaseOldest(): Slot<T> | undefined;
    oldest(): Slot<T> | undefined;
    clear(): Slot<T>[];
}
