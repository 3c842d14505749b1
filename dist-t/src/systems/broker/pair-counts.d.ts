/**
 * The broker's account of one publisher's messages for one subscriber. Every message the broker routes
 * to the subscriber ends as exactly one of: dropped by its inbox policy, written to its socket, cut (still
 * queued when the subscriber was disconnected), or still held (queued now).
 */
export interface PairCounts {
    /** Copies routed to the subscriber (offered to its inbox). */
    routed: number;
    /** Refused by the inbox policy (drop-newest); the subscriber never sees them. */
    dropped: number;
    /** Written to the subscriber's socket. */
    written: number;
    /** Acknowledged by the subscriber (sync-ack mode only). */
    acked: number;
    /** Still queued when the subscriber was disconnected or went away. */
    cut: number;
}
export declare function emptyPairCounts(): PairCounts;
