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
export declare const ExitCode: {
    readonly ok: 0;
    readonly thresholdFailed: 1;
    readonly badInput: 2;
    readonly internal: 3;
    readonly incomplete: 4;
    readonly interrupted: 130;
    readonly terminated: 143;
};
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
/**
 * 128 + the signal's number, as shells report a process ended by a signal: SIGTERM 143, SIGINT (and
 * anything else that stopped a run early, such as an abort with no signal) 130.
 */
export declare function signalExitCode(signal: string | undefined): ExitCode;
/** The base of every error duress raises on purpose: `code` (stable, e.g. DURESS_INPUT), `exitCode`, and an optional `hint`. */
export declare class DuressError extends Error {
    readonly code: string;
    readonly exitCode: ExitCode;
    readonly hint: string | undefined;
    constructor(code: string, message: string, options?: {
        exitCode?: ExitCode;
        hint?: string;
        cause?: unknown;
    });
}
/** Bad input from the user: a flag, a file that is missing or unreadable, a value out of range. Exit 2. */
export declare class InputError extends DuressError {
    constructor(message: string, options?: {
        hint?: string;
        cause?: unknown;
        code?: string;
    });
}
/** One problem found in a scenario file, located as precisely as the source allows. */
export interface ScenarioProblem {
    file: string;
    /** 1-based; 0 when the problem has no place in the file (for example a missing required key at the root). */
    line: number;
    column: number;
    /** Dotted key path, e.g. `system.scheduler.kind`; empty for the document itself. */
    path: string;
    message: string;
}
/** `file:line:col path: message`; a problem with no file (already named in its message) is its message. */
export declare function formatProblem(p: ScenarioProblem): string;
/** A scenario that cannot be run: carries every problem found, not just the first; one problem is one line. Exit 2. */
export declare class ScenarioError extends DuressError {
    readonly problems: ScenarioProblem[];
    constructor(problems: ScenarioProblem[]);
}
/** The run was stopped by a signal; whatever was measured has been written. Exit 130 (SIGINT) or 143 (SIGTERM). */
export declare class InterruptedError extends DuressError {
    constructor(signal: string);
}
