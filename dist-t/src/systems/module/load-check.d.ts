/**
 * Why the output module at `file` (absolute) cannot be used, or undefined when it can: the file exists,
 * loads (its imports resolve, its top-level code runs) and its default export is a function. Loading is
 * tried in a child process so that the scenario's validation stays synchronous and the user's top-level
 * code never runs in duress's own process; the instances load it again, each in its own worker.
 */
export declare function outputModuleProblem(file: string): string | undefined;
