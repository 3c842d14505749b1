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
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * 128 + the signal's number, as shells report a process ended by a signal: SIGTERM 143, SIGINT (and
 * anything else that stopped a run early, such as an abort with no signal) 130.
 */
export function signalExitCode(signal: string | undefined): ExitCode {
  return signal !== undefined && /SIGTERM/.test(signal) ? ExitCode.terminated : ExitCode.interrupted;
}

/** The base of every error duress raises on purpose: `code` (stable, e.g. DURESS_INPUT), `exitCode`, and an optional `hint`. */
export class DuressError extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;

  constructor(code: string, message: string, options: { exitCode?: ExitCode; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DuressError';
    this.code = code;
    this.exitCode = options.exitCode ?? ExitCode.internal;
    this.hint = options.hint;
  }
}

/** Bad input from the user: a flag, a file that is missing or unreadable, a value out of range. Exit 2. */
export class InputError extends DuressError {
  constructor(message: string, options: { hint?: string; cause?: unknown; code?: string } = {}) {
    super(options.code ?? 'DURESS_INPUT', message, { ...options, exitCode: ExitCode.badInput });
    this.name = 'InputError';
  }
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
export function formatProblem(p: ScenarioProblem): string {
  if (p.file === '' && p.path === '') return p.message;
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  return p.path ? `${where} ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

/** A scenario that cannot be run: carries every problem found, not just the first; one problem is one line. Exit 2. */
export class ScenarioError extends DuressError {
  readonly problems: ScenarioProblem[];
  constructor(problems: ScenarioProblem[]) {
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
  constructor(signal: string) {
    super('DURESS_INTERRUPTED', `interrupted by ${signal}; results of what ran were written`, { exitCode: signalExitCode(signal) });
    this.name = 'InterruptedError';
  }
}
