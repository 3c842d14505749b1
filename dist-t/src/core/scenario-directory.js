import path from 'node:path';
/** The folder of the scenario file being validated; see `withScenarioDirectory`. */
let validatingDirectory;
/**
 * Runs `validate` with the folder of the scenario file it checks, so that fields naming files (a module
 * system's `path`) are resolved relative to the scenario, as a reader of the file expects, and not to the
 * current directory (zod has no parse context to carry it). Validation is synchronous, so no other
 * validation can see this folder. Without a file (scenario text, a matrix cell rebuilt from data) the
 * current directory is used.
 */
export function withScenarioDirectory(directory, validate) {
    const before = validatingDirectory;
    validatingDirectory = directory;
    try {
        return validate();
    }
    finally {
        validatingDirectory = before;
    }
}
/** `file` as written in the scenario, made absolute against the scenario's folder. */
export function resolveScenarioPath(file) {
    return path.resolve(validatingDirectory ?? process.cwd(), file);
}
//# sourceMappingURL=scenario-directory.js.map