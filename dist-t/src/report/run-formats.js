import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { JOURNAL_FILE } from '../journal/writer.js';
import { isReportFormat } from './renderers/index.js';
/** The run-start line holds the whole resolved scenario; it is never near this long. */
const MAX_FIRST_LINE = 4 * 1024 * 1024;
/**
 * The report formats a run's scenario asked for (`report.formats`), read from the first line of the run
 * folder's journal, so `duress run` and `duress report DIR` write the same files. Undefined when the folder
 * has no readable journal.
 */
export function formatsOfRun(dir) {
    const line = firstLine(path.join(dir, JOURNAL_FILE));
    if (line === undefined)
        return undefined;
    try {
        const start = JSON.parse(line);
        const formats = start.t === 'run-start' ? start.scenario?.report?.formats : undefined;
        if (!Array.isArray(formats))
            return undefined;
        return formats.filter((f) => typeof f === 'string' && isReportFormat(f));
    }
    catch {
        return undefined;
    }
}
function firstLine(file) {
    let fd;
    try {
        fd = openSync(file, 'r');
    }
    catch {
        return undefined;
    }
    try {
        const chunks = [];
        let total = 0;
        const buf = Buffer.alloc(64 * 1024);
        while (total < MAX_FIRST_LINE) {
            const n = readSync(fd, buf, 0, buf.length, total);
            if (n === 0)
                break;
            const part = buf.subarray(0, n);
            const nl = part.indexOf(0x0a);
            chunks.push(Buffer.from(nl < 0 ? part : part.subarray(0, nl)));
            total += n;
            if (nl >= 0)
                break;
        }
        return Buffer.concat(chunks).toString('utf8');
    }
    finally {
        closeSync(fd);
    }
}
//# sourceMappingURL=run-formats.js.map