import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ExitCode} from '../core/errors.js';
import { InputError } from '../core/errors.js';
import { JOURNAL_FILE, JournalWriter, readJournal } from '../journal/writer.js';
import { createDir } from '../report/output-dir.js';
import type { ReportModel } from '../report/model.js';
import { writeReports, type WriteReportsOptions } from '../report/write-reports.js';
import { buildResults } from '../results/build-results.js';
import { mergeShardJournals } from '../results/merge-journals.js';
import type { RunResults } from '../results/results.js';
import { checkShards, type ShardSet } from '../results/shard-check.js';

/** How shards are merged, and where the merged run goes. */
export interface MergeShardsOptions {
  /** The merged run's folder: its journal, results.json and every report, as `duress run --out` writes them. */
  out: string;
  /** Merge even with shards missing; every report then says which (and the exit code is 4, incomplete). */
  allowPartial?: boolean;
  /** Which reports are written and where the terminal summary goes (by default: the scenario's formats). */
  reports?: WriteReportsOptions;
  /** Relative folders are taken from here (default: the process's working folder); messages name them as given. */
  cwd?: string;
}

/** The merged run: its results, report model, exit code and folder, and the shards that were not there. */
export interface MergeOutcome {
  results: RunResults;
  report: ReportModel;
  /** As a run's: 0 passed, 1 a threshold failed, 4 incomplete (a shard's journal ends early, or shards are missing). */
  exitCode: ExitCode;
  dir: string;
  /** Shards missing from the merge (only with allowPartial), 1-based. */
  missing: number[];
}

/**
 * Reads and checks the shards' run folders (or their journal.jsonl files), without writing anything: each
 * must be a shard of one run (same scenario hash and seed, same split), each shard once, none missing
 * unless `allowPartial`. Anything else is an InputError of one line (exit 2).
 */
export function readShards(dirs: readonly string[], options: { allowPartial?: boolean; cwd?: string } = {}): ShardSet {
  const cwd = options.cwd ?? process.cwd();
  const journals = dirs.map((given) => {
    const full = path.resolve(cwd, given);
    if (!existsSync(full)) throw new InputError(`${given}: no such folder; expected the run folder of a shard (duress run --shard I/N --out DIR)`);
    const file = statSync(full).isDirectory() ? path.join(full, JOURNAL_FILE) : full;
    if (!existsSync(file)) throw new InputError(`${given}: no ${JOURNAL_FILE} there; expected the run folder of a shard (duress run --shard I/N --out DIR)`);
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
export async function mergeShards(shards: readonly string[] | ShardSet, options: MergeShardsOptions): Promise<MergeOutcome> {
  const cwd = options.cwd ?? process.cwd();
  const set = 'shards' in shards ? shards : readShards(shards, { allowPartial: options.allowPartial ?? false, cwd });
  const dir = path.resolve(cwd, options.out);
  checkOutNotAShard(dir, set.shards.map((s) => s.source), cwd, options.out);
  createDir(dir, `--out ${options.out}`);
  const journal = new JournalWriter(dir);
  try {
    for (const e of mergeShardJournals(set)) journal.write(e);
  } finally {
    journal.close();
  }
  const results = buildResults(journal.events);
  const { exitCode, model } = await writeReports(results, dir, options.reports);
  return { results, report: model, exitCode, dir, missing: set.missing };
}

/** The merged journal must not overwrite a shard's own. */
export function checkOutNotAShard(dir: string, dirs: readonly string[], cwd: string, shown: string): void {
  for (const given of dirs) {
    const full = path.resolve(cwd, given);
    const shardDir = existsSync(full) && statSync(full).isFile() ? path.dirname(full) : full;
    if (path.resolve(shardDir) === dir) throw new InputError(`--out ${shown}: that is the shard ${given}; give the merged run a folder of its own`);
  }
}
