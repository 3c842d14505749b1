import { decimalDigits, writeDecimal } from '../core/ascii-decimal.js';

/**
 * The message of a generated record carries its identity, so the ledger can account for it wherever it
 * lands: `duress|<source>|<seq>|<scheduled µs>|<padding>`. `source` names the instance that generated it
 * (unique within a run, renewals included; letters and digits only), `seq` counts from 0 without gaps per
 * source, and the time is the scenario epoch time, in whole microseconds, at which the generator was
 * scheduled to produce it (so latency measured from it includes time the input was held back: no
 * coordinated omission). The message never needs escaping in JSON.
 */
export interface RecordIdentity {
  source: string;
  seq: number;
  /** Scenario epoch ms (µs precision). */
  scheduledAt: number;
}

/** Every generator message starts with this. */
export const RECORD_PREFIX = 'duress|';
const PREFIX = RECORD_PREFIX;
const BAR = 124; // '|'
const ZERO = 48;
const PAD = 120; // 'x'
let padding = String.fromCharCode(PAD).repeat(1024);

/** A record's message: `duress|<source>|<seq>|<scheduled µs>|` padded with `x` to `size` bytes. */
export function formatRecordMessage(source: string, seq: number, scheduledAt: number, size: number): string {
  const head = `${PREFIX}${source}|${seq}|${Math.round(scheduledAt * 1000)}|`;
  const n = size - head.length;
  if (n <= 0) return head;
  if (n > padding.length) padding = 'x'.repeat(n);
  return head + padding.slice(0, n);
}

/** A message's bytes, written straight into a buffer: how the forwarder takes generator records without a string per record. */
export interface MessageBytes {
  /** Byte length of the message. The bytes must need no JSON escaping. */
  readonly size: number;
  /** Writes exactly `size` bytes at `offset`. */
  writeTo(target: Buffer, offset: number): void;
}

/**
 * Writes generator messages byte for byte as formatRecordMessage makes them, without making strings: the
 * generator's hot path. `set` picks the record; the writer is then the MessageBytes of that record, until
 * the next `set`.
 */
export class RecordMessageWriter implements MessageBytes {
  readonly #head: Buffer;
  readonly #padTo: number;
  #seq = 0;
  #micros = 0;
  #headEnd = 0;
  size = 0;

  constructor(source: string, size: number) {
    this.#head = Buffer.from(`${PREFIX}${source}|`, 'latin1');
    this.#padTo = size;
  }

  set(seq: number, scheduledAt: number): this {
    this.#seq = seq;
    this.#micros = Math.round(scheduledAt * 1000);
    this.#headEnd = this.#head.length + decimalDigits(seq) + 1 + decimalDigits(this.#micros) + 1;
    this.size = Math.max(this.#headEnd, this.#padTo);
    return this;
  }

  writeTo(target: Buffer, offset: number): void {
    target.set(this.#head, offset);
    let o = writeDecimal(target, offset + this.#head.length, this.#seq);
    target[o++] = BAR;
    o = writeDecimal(target, o, this.#micros);
    target[o++] = BAR;
    if (this.size > this.#headEnd) target.fill(PAD, o, offset + this.size);
  }
}

/** Returns undefined for a message that was not made by duress's generator (it is counted as foreign). */
export function parseRecordMessage(message: string): RecordIdentity | undefined {
  if (!message.startsWith(PREFIX)) return undefined;
  return parseRecordAt(message, 0);
}

/**
 * The record whose message starts at `at` in `text` (where `duress|` is), or undefined when what follows is
 * not a record's head. What comes after the head (padding, a closing quote, more fields) is not read.
 */
export function parseRecordAt(text: string, at: number): RecordIdentity | undefined {
  const from = at + PREFIX.length;
  const a = text.indexOf('|', from);
  if (a < 0) return undefined;
  const tail = parseTail(text, a + 1);
  return tail && { source: text.slice(from, a), seq: tail.seq, scheduledAt: tail.scheduledAt };
}

/**
 * The record messages inside `text`, wherever they are: a real program wraps or prefixes what it was fed
 * (a syslog header, `{"log":"…"}`, a JSON object with more fields), so a sink hands the ledger each part of
 * `text` that starts at `duress|`, up to the next `duress|` or the end. A text with no record in it is
 * returned whole, so the ledger counts it as foreign. The record format needs no JSON escaping, so searching
 * the raw text of a JSON line or element finds the same records as searching its decoded strings.
 */
export function recordMessagesIn(text: string): string[] {
  let at = text.indexOf(PREFIX);
  if (at < 0) return [text];
  const found: string[] = [];
  while (at >= 0) {
    const next = text.indexOf(PREFIX, at + PREFIX.length);
    found.push(next < 0 ? (at === 0 ? text : text.slice(at)) : text.slice(at, next));
    at = next;
  }
  return found;
}

/** Sequence and scheduled time from `start`, the first character after `duress|<source>|`. */
export function parseTail(message: string, start: number): { seq: number; scheduledAt: number } | undefined {
  let i = start;
  let seq = 0;
  let digits = 0;
  for (let c = message.charCodeAt(i); c !== BAR; c = message.charCodeAt(++i)) {
    const d = c - ZERO;
    if (d < 0 || d > 9 || digits > 15) return undefined;
    seq = seq * 10 + d;
    digits += 1;
  }
  if (digits === 0) return undefined;
  i += 1;
  let micros = 0;
  digits = 0;
  for (let c = message.charCodeAt(i); c !== BAR; c = message.charCodeAt(++i)) {
    const d = c - ZERO;
    if (d < 0 || d > 9 || digits > 17) return undefined;
    micros = micros * 10 + d;
    digits += 1;
  }
  if (digits === 0) return undefined;
  return { seq, scheduledAt: micros / 1000 };
}
