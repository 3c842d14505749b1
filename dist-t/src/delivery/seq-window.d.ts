/**
 * The per-record state of one numbered stream (a forwarder instance's records, a broker publisher's
 * messages as one subscriber sees them), one byte per sequence number, kept only for the last `window`
 * numbers: the delivery ledger's memory is bounded by the window, not by the length of the run.
 *
 * The window ends at the highest sequence number touched so far and reaches `window` numbers back from
 * there (`base` is its first number). A number touched beyond the end moves the window forward; the
 * numbers that fall off its start are forgotten: `get` answers `undefined` for them. What the owner
 * counted for a forgotten number (delivered, dropped, lost) stays counted; only what it could still learn
 * about it is lost, and the owner decides (and documents) how it counts news about a forgotten number.
 *
 * The store starts small and doubles as the span it must hold grows, up to the window, so a stream that
 * never gets far behind never holds the whole window.
 */
export declare class SeqWindow {
    #private;
    readonly window: number;
    /** `window`: how many numbers are kept, a power of two. */
    constructor(window: number, initial?: number);
    get base(): number;
    /** Bytes held now (at most the window). */
    get bytes(): number;
    /** The state of `seq`: 0 if never set, undefined if it fell out of the window. */
    get(seq: number): number | undefined;
    /** Sets the state of `seq`, moving the window forward if `seq` lies beyond it. Ignored below the window. */
    set(seq: number, value: number): void;
    /** Makes room for `seq` (numbers up to it exist, with state 0 unless set). */
    touch(seq: number): void;
}
