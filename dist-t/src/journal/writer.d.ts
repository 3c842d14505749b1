import type { JournalEvent } from './events.js';
export declare const JOURNAL_FILE = "journal.jsonl";
/**
 * Appends journal events, each as one line written straight to the file (no buffering in duress), so a
 * run killed with -9 leaves every event written before it; at worst the last line is cut off.
 */
export declare class JournalWriter {
    #private;
    readonly file: string;
    readonly events: JournalEvent[];
    constructor(dir: string);
    write(event: JournalEvent): void;
    close(): void;
}
/** What reading a journal found: its events, and whether the last line was cut off. */
export interface JournalRead {
    events: JournalEvent[];
    /** Lines that were not whole JSON objects (a cut-off last line, or garbage), with their numbers. */
    skipped: {
        line: number;
        text: string;
    }[];
}
/** Reads a journal, keeping every whole line; a line cut off by a crash is skipped, not fatal. */
export declare function readJournal(file: string): JournalRead;
