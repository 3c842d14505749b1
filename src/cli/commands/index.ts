import type { DuressCommand } from '../command.js';

/** Every command of the CLI, in the order `duress --help` lists them. Add new commands here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: DuressCommand<any>[] = [];
