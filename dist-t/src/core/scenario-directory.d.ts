/**
 * Runs `validate` with the folder of the scenario file it checks, so that fields naming files (a module
 * system's `path`) are resolved relative to the scenario, as a reader of the file expects, and not to the
 * current directory (zod has no parse context to carry it). Validation is synchronous, so no other
 * validation can see this folder. Without a file (scenario text, a matrix cell rebuilt from data) the
 * current directory is used.
 */
export declare function withScenarioDirectory<T>(directory: string | undefined, validate: () => T): T;
/** `file` as written in the scenario, made absolute against the scenario's folder. */
export declare function resolveScenarioPath(file: string): string;
