import path from 'node:path';
import type { Argv } from 'yargs';
import { ExitCode, ScenarioError, type ScenarioProblem } from '../../errors.js';
import { loadScenario } from '../../scenario/load.js';
import type { Scenario } from '../../scenario/types.js';
import { formatDuration } from '../../scenario/units.js';
import { defineCommand } from '../command.js';
import { parseSetOptions, setOption } from '../set-option.js';

interface ValidateArgs {
  files: string[];
  set?: string[];
}

export const validateCommand = defineCommand<ValidateArgs>({
  command: 'validate <files..>',
  describe: 'Check scenario files without running them: every problem with its line',
  builder: (y: Argv) =>
    y
      .positional('files', { type: 'string', array: true, describe: 'scenario files (YAML)', demandOption: true })
      .option('set', setOption) as unknown as Argv<ValidateArgs>,
  run: async (args, io) => {
    const overrides = parseSetOptions(args.set);
    const problems: ScenarioProblem[] = [];
    for (const file of args.files) {
      try {
        const scenario = await loadScenario(path.resolve(io.cwd, file), { overrides, displayName: file });
        io.stdout.write(`ok: ${file} (${summary(scenario)})\n`);
      } catch (err) {
        // With several files, every file's problems are reported before giving up.
        if (!(err instanceof ScenarioError) || args.files.length === 1) throw err;
        problems.push(...err.problems);
      }
    }
    if (problems.length > 0) throw new ScenarioError(problems);
    return ExitCode.ok;
  },
});

/** `quickstart, 4 instances, duration 2h, speed 60, 4 cells` */
function summary(s: Scenario): string {
  const parts = [s.name, `${s.instances} instance${s.instances === 1 ? '' : 's'}`, `duration ${formatDuration(s.duration)}`];
  if (s.clock.speed !== 1) parts.push(`speed ${s.clock.speed}`);
  const cells = Object.values(s.matrix).reduce((n, values) => n * Math.max(1, Object.keys(values).length), 1);
  if (cells > 1) parts.push(`${cells} cells`);
  return parts.join(', ');
}
