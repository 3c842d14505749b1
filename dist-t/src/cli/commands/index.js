import { compareCommand } from './compare.js';
import { loadCommand } from './load.js';
import { mergeCommand } from './merge.js';
import { proxyCommand } from './proxy.js';
import { reportCommand } from './report.js';
import { runCommand } from './run.js';
import { schemaCommand } from './schema.js';
import { sinkCommand } from './sink.js';
import { validateCommand } from './validate.js';
/** Every command of the CLI, in the order `duress --help` lists them. Add new commands here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands = [runCommand, loadCommand, reportCommand, mergeCommand, compareCommand, validateCommand, schemaCommand, sinkCommand, proxyCommand];
//# sourceMappingURL=index.js.map