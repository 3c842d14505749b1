import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, InputError } from '../../core/errors.js';
import { defineCommand } from '../command.js';
import { reportOutput } from '../io.js';
import { checkWritableDir } from '../../report/output-dir.js';
/** The journal's name for messages: relative to the working folder. */
const shownPath = (cwd, file) => path.relative(cwd, file) || file;
/** True when the first bytes of a file hold a NUL: a binary file, not a journal (which is JSON text). */
function looksBinary(file) {
    const fd = openSync(file, 'r');
    try {
        const head = Buffer.alloc(8192);
        const n = readSync(fd, head, 0, head.length, 0);
        return head.subarray(0, n).includes(0);
    }
    finally {
        closeSync(fd);
    }
}
export const reportCommand = defineCommand({
    command: 'report <dir>',
    describe: 'Rebuild results and reports of a run from its journal (even one cut off by a crash)',
    builder: (y) => y.positional('dir', { type: 'string', describe: 'the run folder (holding journal.jsonl)', demandOption: true }),
    prepare: async (args, io) => {
        const [{ JOURNAL_FILE, readJournal }, { buildResults }] = await Promise.all([import('../../journal/writer.js'), import('../../results/build-results.js')]);
        const dir = path.resolve(io.cwd, args.dir);
        const file = existsSync(dir) && statSync(dir).isDirectory() ? path.join(dir, JOURNAL_FILE) : dir;
        const shown = shownPath(io.cwd, file);
        if (!existsSync(file))
            throw new InputError(`no journal at ${shown}: expected a run folder written by duress run`);
        if (statSync(file).isDirectory())
            throw new InputError(`${shown}: a folder, not a journal; expected a run folder written by duress run`);
        if (looksBinary(file))
            throw new InputError(`${shown}: not a duress journal (it holds binary data); expected a run folder written by duress run`);
        const { events, skipped } = readJournal(file);
        if (!events.some((e) => e.t === 'run-start')) {
            throw new InputError(`${shown}: not a duress journal (no run-start event${skipped.length > 0 ? `; ${skipped.length} line${skipped.length === 1 ? '' : 's'} not JSON` : ''}); expected a run folder written by duress run`);
        }
        let results;
        try {
            results = buildResults(events);
        }
        catch (err) {
            throw new InputError(`${shown}: ${err instanceof Error ? err.message : String(err)}`);
        }
        checkWritableDir(path.dirname(file), `the run folder ${shownPath(io.cwd, path.dirname(file))}`);
        const [first] = skipped;
        const skippedNote = first === undefined
            ? undefined
            : `${shown}: skipped ${skipped.length} line${skipped.length === 1 ? '' : 's'} that ${skipped.length === 1 ? 'is' : 'are'} not whole JSON ` +
                `(the first, line ${first.line}: ${JSON.stringify(first.text.slice(0, 40))}…)`;
        return { dir: path.dirname(file), results, skippedNote };
    },
    run: async (plan, io) => {
        const { writeReports } = await import('../../report/write-reports.js');
        if (plan.skippedNote !== undefined)
            io.stderr.write(`duress: ${plan.skippedNote}\n`);
        const outcome = await writeReports(plan.results, plan.dir, reportOutput(io));
        // Rebuilt from a journal that ends before the run did, or of a run stopped early: not a whole run.
        if (!plan.results.run.complete || plan.results.run.interrupted !== undefined)
            return ExitCode.incomplete;
        return outcome.exitCode;
    },
});
//# sourceMappingURL=report.js.map