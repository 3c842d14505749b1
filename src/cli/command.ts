import type { Argv } from 'yargs';
import type { CliIO } from './io.js';

/**
 * One CLI command. `builder` declares its flags; `run` does the work through library functions, renders,
 * and returns the exit code (or throws a DuressError). Commands never call process.exit themselves.
 */
export interface DuressCommand<A = Record<string, unknown>> {
  command: string | string[];
  describe: string;
  builder: (y: Argv) => Argv<A>;
  run: (args: A, io: CliIO) => Promise<number>;
}

/** Helps commands keep their argument type while going into the heterogeneous command list. */
export function defineCommand<A>(cmd: DuressCommand<A>): DuressCommand<A> {
  return cmd;
}
