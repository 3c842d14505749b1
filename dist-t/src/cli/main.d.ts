import { type CliIO } from './io.js';
/**
 * Runs the CLI in-process and resolves with the exit code. Tests call this with their own IO;
 * `main` below is the only place that touches the real process exit code.
 *
 * yargs only parses and checks: its command handlers merely note which command was chosen, and the
 * parse is synchronous, so every check yargs makes (unknown flags in strict mode, choices, missing
 * arguments, the flags' `coerce` checkers) has passed or failed before any command starts. Then the
 * command's `prepare` checks the rest without side effects, and only then does `run` act.
 */
export declare function runCli(argv: string[], io: CliIO): Promise<number>;
/** The process entry: wires signals to an AbortSignal and sets the exit code, once. */
export declare function main(argv: string[]): Promise<void>;
