import type { Argv } from 'yargs';
import type { CliIO } from './io.js';
/**
 * One CLI command, in three steps that run in order, each only when the one before succeeded:
 *
 * 1. `builder` declares its arguments and flags, each checked by yargs while it parses (types, choices,
 *    `coerce` checkers from flags.ts): a bad one is refused before the command starts.
 * 2. `prepare` checks what yargs cannot (flags against each other, the files and folders they name) and
 *    reads the inputs, with no side effect: nothing is written, no port opened, no worker started. A
 *    problem throws an InputError or ScenarioError (exit 2). It returns everything `run` needs.
 * 3. `run` does the work with what `prepare` returned, renders, and returns the exit code (or throws a
 *    DuressError).
 *
 * Commands import their heavy modules (engine, reports, scenario loader) inside `prepare` and `run`, so
 * that refusing a bad flag does not wait for them to load. Commands never call process.exit themselves.
 */
export interface DuressCommand<A = Record<string, unknown>, P = A> {
    command: string | string[];
    describe: string;
    builder: (y: Argv) => Argv<A>;
    prepare: (args: A, io: CliIO) => Promise<P>;
    run: (prepared: P, io: CliIO) => Promise<number>;
}
/** Helps commands keep their argument types while going into the heterogeneous command list. */
export declare function defineCommand<A, P>(cmd: DuressCommand<A, P>): DuressCommand<A, P>;
