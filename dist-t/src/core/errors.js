/**
 * Every error duress reports on purpose is a DuressError: a stable `code`, a message a user can act on,
 * an optional hint, and the exit code it maps to. Only src/cli/main.ts turns one into a process exit.
 *
 * Exit codes (documented in the README's table; keep the two in step):
 *   0   passed
 *   1   a threshold failed
 *   2   bad input (scenario, flags, arguments, files)
 *   3   internal error (a bug in duress)
 *   4   incomplete: the results come from a journal that ends before the run did (duress was killed),
 *       or from a run that was stopped early; thresholds were not judged on a whole run
 *   130 interrupted by SIGINT (128 + 2), 143 terminated by SIGTERM (128 + 15): the shell convention for a
 *       process ended by a signal; results and reports of what ran are still written
 */
export const ExitCode = {
    ok: 0,
    thresholdFailed: 1,
    badInput: 2,
    internal: 3,
    incomplete: 4,
    interrupted: 130,
    terminated: 143,
};
/**
 * 128 + the signal's number, as shells report a process ended by a signal: SIGTERM 143, SIGINT (and
 * anything else that stopped a run early, such as an abort with no signal) 130.
 */
export function signalExitCode(signal) {
    return signal !== undefined && /SIGTERM/.test(signal) ? ExitCode.terminated : ExitCode.interrupted;
}
/** The base of every error duress raises on purpose: `code` (stable, e.g. DURESS_INPUT), `exitCode`, and an optional `hint`. */
export class DuressError extends Error {
    code;
    exitCode;
    hint;
    constructor(code, message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'DuressError';
        this.code = code;
        this.exitCode = options.exitCode ?? ExitCode.internal;
        this.hint = options.hint;
    }
}
/** Bad input from the user: a flag, a file that is missing or unreadable, a value out of range. Exit 2. */
export class InputError extends DuressError {
    constructor(message, options = {}) {
        super(options.code ?? 'DURESS_INPUT', message, { ...options, exitCode: ExitCode.badInput });
        this.name = 'InputError';
    }
}
/** `file:line:col path: message`; a problem with no file (already named in its message) is its message. */
export function formatProblem(p) {
    if (p.file === '' && p.path === '')
        return p.message;
    const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
    return p.path ? `${where} ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}
/** A scenario that cannot be run: carries every problem found, not just the first; one problem is one line. Exit 2. */
export class ScenarioError extends DuressError {
    problems;
    constructor(problems) {
        const [only] = problems;
        const message = problems.length === 1 && only ? formatProblem(only) : `${problems.length} problems in scenario:\n${problems.map(formatProblem).join('\n')}`;
        super('DURESS_SCENARIO', message, {
            exitCode: ExitCode.badInput,
        });
        this.name = 'ScenarioError';
        this.problems = problems;
    }
}
/** The run was stopped by a signal; whatever was measured has been written. Exit 130 (SIGINT) or 143 (SIGTERM). */
export class InterruptedError extends DuressError {
    constructor(signal) {
        super('DURESS_INTERRUPTED', `interrupted by ${signal}; results of what ran were written`, { exitCode: signalExitCode(signal) });
        this.name = 'InterruptedError';
    }
}
//# sourceMappingURL=errors.js.map