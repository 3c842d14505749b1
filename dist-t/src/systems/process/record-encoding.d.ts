import type { InputFormat } from './schema.js';
/**
 * Encodes runs of consecutive records (seq `from`, `count` of them, each scheduled at `scheduledAt(seq)`)
 * into the bytes a program's input takes, in one buffer: one record per line (`lines`), an RFC 5424
 * syslog line whose message is the record (`syslog`), a JSON object per line with the record as
 * `message` (`ndjson`), or a JSON array of those (`json`). The record's message is duress's record format
 * (src/delivery/record-message.ts), unchanged, so the sink's accounting finds it by its id.
 */
export declare class RecordEncoding {
    #private;
    constructor(source: string, recordSize: number, format: InputFormat);
    encode(from: number, count: number, scheduledAt: (seq: number) => number): Buffer;
}
