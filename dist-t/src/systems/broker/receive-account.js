import { SeqWindow } from '../../delivery/seq-window.js';
/** Messages of one publisher whose state is kept (64 KiB). */
export const RECEIVE_WINDOW = 1 << 16;
/**
 * Per-publisher receive accounting with bounded memory: the delivery ledger's window (seq-window.ts) of
 * the last RECEIVE_WINDOW seqs. A seq that falls out of the window is settled: received, or a hole for
 * good (gaps are the seqs up to the highest never received). A message older than the window is counted
 * as a duplicate, since it can no longer be told apart from one (with TCP in order, a message
 * RECEIVE_WINDOW seqs late does not happen); as in the forwarder's ledger, such news never reduces loss.
 */
export class ReceiveAccount {
    #seen;
    #delivered = 0;
    #duplicates = 0;
    #reordered = 0;
    #highest = -1;
    constructor(window = RECEIVE_WINDOW) {
        this.#seen = new SeqWindow(window, 1024);
    }
    /** Records one arrival; true if it is the first copy of this seq. */
    receive(seq) {
        if (this.#seen.get(seq) !== 0) {
            this.#duplicates += 1;
            return false;
        }
        this.#seen.set(seq, 1);
        this.#delivered += 1;
        if (seq < this.#highest)
            this.#reordered += 1;
        else
            this.#highest = seq;
        return true;
    }
    counts() {
        return {
            delivered: this.#delivered,
            duplicates: this.#duplicates,
            reordered: this.#reordered,
            gaps: this.#highest + 1 - this.#delivered,
            highest: this.#highest,
        };
    }
    /** Bytes of per-seq state held now (at most the window). */
    get bytes() {
        return this.#seen.bytes;
    }
}
//# sourceMappingURL=receive-account.js.map