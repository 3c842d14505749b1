import type { RunResults } from './results.js';
/**
 * The results of a run, from its folder (results.json, or the journal when there are no results yet: a
 * run killed before it wrote them), or from a results.json or journal.jsonl named directly.
 */
export declare function loadRunResults(target: string, cwd: string): {
    results: RunResults;
    source: string;
};
