/** The run folder: its default name, checking and creating it before a run, and writing files into it whole. */
/** `reports/<scenario>-<UTC time>`, e.g. reports/quickstart-20261123T081502Z. */
export declare function defaultRunDir(cwd: string, scenarioName: string, startedAt: Date): string;
/** Writes a file so that a reader never sees half of it: to a temporary name, then renamed. */
export declare function writeFileAtomic(file: string, content: string): Promise<void>;
/**
 * Refuses, without writing anything, a folder that cannot be written: `dir` exists and is not a folder,
 * or is a folder duress may not write to; or it does not exist and its nearest existing parent is a file
 * or a folder duress may not write to. `what` names it in the message (`--out reports/x`).
 */
export declare function checkWritableDir(dir: string, what: string): void;
/** Makes `dir` and any missing parents, one level at a time; a folder that cannot be made is an InputError. */
export declare function createDir(dir: string, what: string): void;
