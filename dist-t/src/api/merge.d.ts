import type { ExitCode } from '../core/errors.js';
import type { ReportModel } from '../report/model.js';
import { type WriteReportsOptions } from '../report/write-reports.js';
import type { RunResults } from '../results/results.js';
import { type ShardSet } from '../results/shard-check.js';
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
export declare function readShards(dirs: readonly string[], options?: {
    allowPartial?: boolean;
    cwd?: string;
}): ShardSet;
/**
 * `duress merge`: folds (the shards' folders, or what readShards read from them) the shards' journals into the journal of the whole run (results/merge-journals.ts),
 * writes it into `out`, and builds results and every report from it exactly as for a run on one machine:
 * exposure, failures and delivery counts add up, latency histograms merge without loss, and thresholds are
 * judged on the whole. `duress report OUT` rebuilds the same from the merged journal.
 */
export declare function mergeShards(shards: readonly string[] | ShardSet, options: MergeShardsOptions): Promise<MergeOutcome>;
/** The merged journal must not overwrite a shard's own. */
export declare function checkOutNotAShard(dir: string, dirs: readonly string[], cwd: string, shown: string): void;
