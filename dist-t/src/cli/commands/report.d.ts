import type { RunResults } from '../../results/results.js';
interface ReportArgs {
    dir: string;
}
interface ReportPlan {
    /** Where results and reports go: the journal's folder. */
    dir: string;
    results: RunResults;
    /** One line about lines of the journal that were not whole JSON, if any. */
    skippedNote: string | undefined;
}
export declare const reportCommand: import("../command.js").DuressCommand<ReportArgs, ReportPlan>;
export {};
