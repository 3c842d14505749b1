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

const WINDOW = 1 << 16;

/**
 * Per-publisher receive accounting with bounded memory: a bitmap of the last WINDOW seqs above `base`.
 * Seqs that fall out of the window are settled (received, or a permanent hole); a message older than the
 * window is counted as a duplicate, since it can no longer be told apart from one (with TCP in order,
 * a message WINDOW seqs late does not happen).
 */
export class ReceiveAccount {
  readonly #bits = new Uint32Array(WINDOW / 32);
  /** Every seq below `base` is settled. */
  #base = 0;
  /** Received seqs in [base, highest]. */
  #inWindow = 0;
  #settledHoles = 0;
  #delivered = 0;
  #duplicates = 0;
  #reordered = 0;
  #highest = -1;

  /** Records one arrival; true if it is the first copy of this seq. */
  receive(seq: number): boolean {
    if (seq < this.#base) {
      this.#duplicates += 1;
      return false;
    }
    if (seq >= this.#base + WINDOW) this.#advance(seq - WINDOW + 1);
    const i = seq % WINDOW;
    const word = i >>> 5;
    const bit = 1 << (i & 31);
    const w = this.#bits[word] as number;
    if (w & bit) {
      this.#duplicates += 1;
      return false;
    }
    this.#bits[word] = w | bit;
    this.#inWindow += 1;
    this.#delivered += 1;
    if (seq < this.#highest) this.#reordered += 1;
    else this.#highest = seq;
    return true;
  }

  counts(): ReceiveCounts {
    const inWindowHoles = this.#highest < this.#base ? 0 : this.#highest + 1 - this.#base - this.#inWindow;
    return {
      delivered: this.#delivered,
      duplicates: this.#duplicates,
      reordered: this.#reordered,
      gaps: this.#settledHoles + inWindowHoles,
      highest: this.#highest,
    };
  }

  #advance(newBase: number): void {
    const limit = Math.max(this.#base, Math.min(newBase, this.#highest + 1));
    if (limit - this.#base >= WINDOW) {
      this.#settledHoles += limit - this.#base - this.#inWindow;
      this.#bits.fill(0);
      this.#inWindow = 0;
    } else {
      for (let s = this.#base; s < limit; s++) {
        const i = s % WINDOW;
        const word = i >>> 5;
        const bit = 1 << (i & 31);
        const w = this.#bits[word] as number;
        if (w & bit) {
          this.#bits[word] = w & ~bit;
          this.#inWindow -= 1;
        } else this.#settledHoles += 1;
      }
    }
    // Seqs above the old highest that the new base passes over were never received.
    if (newBase > limit) this.#settledHoles += newBase - limit;
    this.#base = newBase;
  }
}
