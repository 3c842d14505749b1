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
export class SeqWindow {
  readonly window: number;
  #state: Uint8Array;
  #mask: number;
  /** Every number below `base` is forgotten. */
  #base = 0;
  /** One past the highest number touched. */
  #end = 0;

  /** `window`: how many numbers are kept, a power of two. */
  constructor(window: number, initial = 4096) {
    if (!Number.isInteger(Math.log2(window)) || window < 1) throw new Error(`SeqWindow: window ${window} is not a power of two`);
    this.window = window;
    const size = Math.min(window, initial);
    this.#state = new Uint8Array(size);
    this.#mask = size - 1;
  }

  get base(): number {
    return this.#base;
  }

  /** Bytes held now (at most the window). */
  get bytes(): number {
    return this.#state.byteLength;
  }

  /** The state of `seq`: 0 if never set, undefined if it fell out of the window. */
  get(seq: number): number | undefined {
    if (seq < this.#base) return undefined;
    if (seq >= this.#end) return 0;
    return this.#state[seq & this.#mask] as number;
  }

  /** Sets the state of `seq`, moving the window forward if `seq` lies beyond it. Ignored below the window. */
  set(seq: number, value: number): void {
    if (seq < this.#base) return;
    this.touch(seq);
    this.#state[seq & this.#mask] = value;
  }

  /** Makes room for `seq` (numbers up to it exist, with state 0 unless set). */
  touch(seq: number): void {
    if (seq < this.#end) return;
    const span = seq - this.#base;
    // The store is never larger than the window, so a span past the window is past the store too: one
    // test on the hot path (a new highest number, the window full) and no call to #grow once it is grown.
    if (span >= this.#state.length) {
      if (this.#state.length < this.window) this.#grow(seq);
      if (span >= this.window) this.#advance(seq - this.window + 1);
    }
    this.#end = seq + 1;
  }

  #grow(seq: number): void {
    let size = this.#state.length;
    while (size < this.window && seq - this.#base >= size) size *= 2;
    if (size === this.#state.length) return;
    const grown = new Uint8Array(size);
    const mask = size - 1;
    for (let s = this.#base; s < this.#end; s++) grown[s & mask] = this.#state[s & this.#mask] as number;
    this.#state = grown;
    this.#mask = mask;
  }

  /** Forgets every number below `newBase`; their slots are cleared for the numbers that take them. */
  #advance(newBase: number): void {
    const clearTo = Math.min(newBase, this.#end);
    if (clearTo - this.#base >= this.#state.length) this.#state.fill(0);
    else for (let s = this.#base; s < clearTo; s++) this.#state[s & this.#mask] = 0;
    this.#base = newBase;
  }
}
