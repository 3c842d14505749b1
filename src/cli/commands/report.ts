import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Argv } from 'yargs';
import { JOURNAL_FILE, readJournal } from '../../engine/journal.js';
import { InputError } from '../../errors.js';
import { buildResults } from '../../report/build-results.js';
import { writeReports } from '../../report/write-reports.js';
import { defineCommand } from '../command.js';

interface ReportArgs {
  dir: string;
}

export const reportCommand = defineCommand<ReportArgs>({
  command: 'report <dir>',
  describe: 'Rebuild results and reports of a run from its journal (even one cut off by a crash)',
  builder: (y: Argv) => y.positional('dir', { type: 'string', describe: 'the run folder (holding journal.jsonl)', demandOption: true }) as unknown as Argv<ReportArgs>,
  run: async (args, io) => {
    const dir = path.resolve(io.cwd, args.dir);
    const file = existsSync(dir) && statSync(dir).isDirectory() ? path.join(dir, JOURNAL_FILE) : dir;
    if (!existsSync(file)) throw new InputError(`no journal at ${path.relative(io.cwd, file)}: expected a run folder written by duress run`);
    const { events, skipped } = readJournal(file);
    for (const s of skipped) io.stderr.write(`duress: ${path.relative(io.cwd, file)}:${s.line}: skipped a line that is not whole JSON (${JSON.stringify(s.text)}…)\n`);
    let results;
    try {
      results = buildResults(events);
    } catch (err) {
      throw new InputError(`${path.relative(io.cwd, file)}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const outcome = await writeReports(results, path.dirname(file), io);
    return outcome.exitCode;
  },
});
