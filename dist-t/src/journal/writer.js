import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
export const JOURNAL_FILE = 'journal.jsonl';
/**
 * Appends journal events, each as one line written straight to the file (no buffering in duress), so a
 * run killed with -9 leaves every event written before it; at worst the last line is cut off.
 */
export class JournalWriter {
    file;
    events = [];
    #fd;
    constructor(dir) {
        mkdirSync(dir, { recursive: true });
        this.file = path.join(dir, JOURNAL_FILE);
        // A new run starts a new journal: a folder reused with --out must not mix two runs' events.
        this.#fd = openSync(this.file, 'w');
    }
    write(event) {
        this.events.push(event);
        if (this.#fd !== undefined)
            writeSync(this.#fd, `${JSON.stringify(event)}\n`);
    }
    close() {
        if (this.#fd !== undefined)
            closeSync(this.#fd);
        this.#fd = undefined;
    }
}
/** Reads a journal, keeping every whole line; a line cut off by a crash is skipped, not fatal. */
export function readJournal(file) {
    const text = readFileSync(file, 'utf8');
    const events = [];
    const skipped = [];
    const lines = text.split('\n');
    lines.forEach((line, i) => {
        if (line.trim() === '')
            return;
        try {
            const v = JSON.parse(line);
            if (v && typeof v === 'object' && typeof v.t === 'string')
                events.push(v);
            else
                skipped.push({ line: i + 1, text: line.slice(0, 80) });
        }
        catch {
            skipped.push({ line: i + 1, text: line.slice(0, 80) });
        }
    });
    return { events, skipped };
}
//# sourceMappingURL=writer.js.map