/** What one subscriber received from one publisher. */
export interface ReceiveCounts {
    /** Distinct messages received. */
    delivered: number;
    /** Extra copies of messages already received. */
    duplicates: number;
    /** Messages that arrived after a later message of the same publisher. */
    reordered: number;
    /** Messages missing below the highest seq received (holes, now). */
    gaps: number;
    /** Highest seq received; -1 before the first. */
    highest: number;
}
/** Messages of one publisher whose state is kept (64 KiB). */
export declare const RECEIVE_WINDOW: number;
/**
 * Per-publisher receive accounting with bounded memory: the delivery ledger's window (seq-window.ts) of
 * the last RECEIVE_WINDOW seqs. A seq that falls out of the window is settled: received, or a hole for
 * good (gaps are the seqs up to the highest never received). A message older than the window is counted
 * as a duplicate, since it can no longer be told apart from one (with TCP in order, a message
 * RECEIVE_WINDOW seqs late does not happen); as in the forwarder's ledger, such news never reduces loss.
 */
export declare class ReceiveAccount {
    #private;
    constructor(window?: number);
    /** Records one arrival; true if it is the first copy of this seq. */
    receive(seq: number): boolean;
    counts(): ReceiveCounts;
    /** Bytes of per-seq state held now (at most the window). */
    get bytes(): number;
}
