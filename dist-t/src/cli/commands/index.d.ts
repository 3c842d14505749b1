import type { DuressCommand } from '../command.js';
/** Every command of the CLI, in the order `duress --help` lists them. Add new commands here. */
export declare const commands: DuressCommand<any>[];
