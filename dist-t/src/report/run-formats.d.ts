import { type ReportFormat } from './renderers/index.js';
/**
 * The report formats a run's scenario asked for (`report.formats`), read from the first line of the run
 * folder's journal, so `duress run` and `duress report DIR` write the same files. Undefined when the folder
 * has no readable journal.
 */
export declare function formatsOfRun(dir: string): ReportFormat[] | undefined;
