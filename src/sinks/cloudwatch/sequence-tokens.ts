import { dataAlreadyAccepted, invalidSequenceToken, type ApiError } from './api-errors.js';
import type { BatchSummary, LogEvent } from './batch-validation.js';

/** Enough of a batch to recognise it when it is sent again (the mix plus its first and last messages). */
interface Fingerprint {
  count: number;
  bytes: number;
  mix: number;
  first: string;
  last: string;
}

/**
 * One stream's sequence tokens, pre-2023 rules (domain.md §3): the first put needs no token; every later put
 * must carry the token the previous one returned, or it is answered InvalidSequenceTokenException with the
 * expected token. The last accepted batch re-sent with the token it was accepted with is answered
 * DataAlreadyAcceptedException instead. Tokens are decimal strings like the service's, unique per stream.
 */
export class SequenceTokens {
  readonly #prefix: string;
  #seq = 0;
  /** The token the next put must carry; undefined until the first put. */
  #expected: string | undefined;
  #lastSentWith: string | undefined;
  #lastBatch: Fingerprint | undefined;

  constructor(streamNumber: number) {
    this.#prefix = `4963${String(streamNumber).padStart(16, '0')}`;
  }

  get expected(): string | undefined {
    return this.#expected;
  }

  /** The error the put must be answered with, or undefined when `token` is the expected one. */
  check(token: string | undefined, summary: BatchSummary, events: readonly LogEvent[]): ApiError | undefined {
    if (token === this.#expected) return undefined;
    const last = this.#lastBatch;
    if (
      this.#expected !== undefined &&
      last !== undefined &&
      token === this.#lastSentWith &&
      last.count === summary.count &&
      last.bytes === summary.bytes &&
      last.mix === summary.mix &&
      last.first === events[0]?.message &&
      last.last === events[summary.count - 1]?.message
    ) {
      return dataAlreadyAccepted(this.#expected);
    }
    return invalidSequenceToken(this.#expected);
  }

  /**
   * Moves to a fresh token after an accepted put and returns it. With `remember` false the batch is not kept
   * for DataAlreadyAccepted detection, so a re-send with the old token is answered InvalidSequenceToken.
   */
  advance(sentWith: string | undefined, summary: BatchSummary, events: readonly LogEvent[], remember: boolean): string {
    this.#seq += 1;
    const next = this.#prefix + String(this.#seq).padStart(20, '0');
    if (remember) {
      this.#lastSentWith = sentWith;
      this.#lastBatch = {
        count: summary.count,
        bytes: summary.bytes,
        mix: summary.mix,
        first: events[0]?.message ?? '',
        last: events[summary.count - 1]?.message ?? '',
      };
    } else {
      this.#lastBatch = undefined;
    }
    this.#expected = next;
    return next;
  }
}
