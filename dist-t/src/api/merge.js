import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { JOURNAL_FILE, JournalWriter, readJournal } from '../journal/writer.js';
import { createDir } from '../report/output-dir.js';
import { writeReports } from '../report/write-reports.js';
import { buildResults } from '../results/build-results.js';
import { mergeShardJournals } from '../results/merge-journals.js';
import { checkShards } from '../results/shard-check.js';
/**
 * Reads and checks the shards' run folders (or their journal.jsonl files), without writing anything: each
 * must be a shard of one run (same scenario hash and seed, same split), each shard once, none missing
 * unless `allowPartial`. Anything else is an InputError of one line (exit 2).
 */
export function readShards(dirs, options = {}) {
    const cwd = options.cwd ?? process.cwd();
    const journals = dirs.map((given) => {
        const full = path.resolve(cwd, given);
        if (!existsSync(full))
            throw new InputError(`${given}: no such folder; expected the run folder of a shard (duress run --shard I/N --out DIR)`);
        const file = statSync(full).isDirectory() ? path.join(full, JOURNAL_FILE) : full;
        if (!existsSync(file))
            throw new InputError(`${given}: no ${JOURNAL_FILE} there; expected the run folder of a shard (duress run --shard I/N --out DIR)`);
        return { source: given, events: readJournal(file).events, dir: path.dirname(file) };
    });
    return checkShards(journals, { allowPartial: options.allowPartial ?? false });
}
/**
 * `duress merge`: folds (the shards' folders, or what readShards read from them) the shards' journals into the journal of the whole run (results/merge-journals.ts),
 * writes it into `out`, and builds results and every report from it exactly as for a run on one machine:
 * exposure, failures and delivery counts add up, latency histograms merge without loss, and thresholds are
 * judged on the whole. `duress report OUT` rebuilds the same from the merged journal.
 */
export async function mergeShards(shards, options) {
    const cwd = options.cwd ?? process.cwd();
    const set = 'shards' in shards ? shards : readShards(shards, { allowPartial: options.allowPartial ?? false, cwd });
    const dir = path.resolve(cwd, options.out);
    checkOutNotAShard(dir, set.shards.map((s) => s.source), cwd, options.out);
    createDir(dir, `--out ${options.out}`);
    const journal = new JournalWriter(dir);
    try {
        for (const e of mergeShardJournals(set))
            journal.write(e);
    }
    finally {
        journal.close();
    }
    const results = buildResults(journal.events);
    const { exitCode, model } = await writeReports(results, dir, options.reports);
    return { results, report: model, exitCode, dir, missing: set.missing };
}
/** The merged journal must not overwrite a shard's own. */
export function checkOutNotAShard(dir, dirs, cwd, shown) {
    for (const given of dirs) {
        const full = path.resolve(cwd, given);
        const shardDir = existsSync(full) && statSync(full).isFile() ? path.dirname(full) : full;
        if (path.resolve(shardDir) === dir)
            throw new InputError(`--out ${shown}: that is the shard ${given}; give the merged run a folder of its own`);
    }
}
//# sourceMappingURL=merge.js.map