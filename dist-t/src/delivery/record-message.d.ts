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
export declare const RECORD_PREFIX = "duress|";
/** A record's message: `duress|<source>|<seq>|<scheduled µs>|` padded with `x` to `size` bytes. */
export declare function formatRecordMessage(source: string, seq: number, scheduledAt: number, size: number): string;
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
export declare class RecordMessageWriter implements MessageBytes {
    #private;
    size: number;
    constructor(source: string, size: number);
    set(seq: number, scheduledAt: number): this;
    writeTo(target: Buffer, offset: number): void;
}
/** Returns undefined for a message that was not made by duress's generator (it is counted as foreign). */
export declare function parseRecordMessage(message: string): RecordIdentity | undefined;
/** Sequence and scheduled time from `start`, the first character after `duress|<source>|`. */
export declare function parseTail(message: string, start: number): {
    seq: number;
    scheduledAt: number;
} | undefined;
