import path from 'node:path';
import type { Argv } from 'yargs';
import { ExitCode, InputError, ScenarioError, type ScenarioProblem } from '../../core/errors.js';
import type { Scenario } from '../../scenario/types.js';
import { formatDuration } from '../../core/units.js';
import { defineCommand } from '../command.js';
import { parseSetOptions, setOption } from '../set-option.js';

interface ValidateArgs {
  files: string[];
  set?: string[];
}

interface ValidatePlan {
  files: string[];
  /** Each file's scenario, or the problems that made it fail. */
  outcomes: ({ file: string; scenario: Scenario; cellInstances: number[]; warnings: string[] } | { file: string; problems: ScenarioProblem[] })[];
}

export const validateCommand = defineCommand<ValidateArgs, ValidatePlan>({
  command: 'validate <files..>',
  describe: 'Check scenario files without running them: every problem with its line',
  builder: (y: Argv) =>
    y
      .positional('files', { type: 'string', array: true, describe: 'scenario files (YAML)', demandOption: true })
      .option('set', setOption) as unknown as Argv<ValidateArgs>,
  prepare: async (args, io) => {
    const { loadScenario } = await import('../../api/scenario.js');
    const overrides = parseSetOptions(args.set);
    const outcomes: ValidatePlan['outcomes'] = [];
    for (const file of args.files) {
      try {
        // What `run` would refuse (the clock check included), `validate` refuses too: the same loader.
        const { scenario, cells, warnings } = await loadScenario(path.resolve(io.cwd, file), { overrides, name: file });
        outcomes.push({ file, scenario, cellInstances: cells.map((c) => c.scenario.instances), warnings });
      } catch (err) {
        // With several files, every file's problems are reported before giving up.
        if (args.files.length === 1) throw err;
        if (err instanceof ScenarioError) outcomes.push({ file, problems: err.problems });
        else if (err instanceof InputError) outcomes.push({ file, problems: [{ file: '', line: 0, column: 0, path: '', message: err.message }] });
        else throw err;
      }
    }
    return { files: args.files, outcomes };
  },
  run: async ({ outcomes }, io) => {
    const problems: ScenarioProblem[] = [];
    for (const outcome of outcomes) {
      if ('problems' in outcome) {
        problems.push(...outcome.problems);
        continue;
      }
      io.stdout.write(`ok: ${outcome.file} (${summary(outcome.scenario, outcome.cellInstances)})\n`);
      for (const warning of outcome.warnings) io.stderr.write(`duress: warning: ${outcome.file}: ${warning}\n`);
    }
    if (problems.length > 0) throw new ScenarioError(problems);
    return ExitCode.ok;
  },
});

/** `quickstart, 4 instances, duration 2h, speed 60, 4 cells` */
function summary(s: Scenario, cellInstances: number[]): string {
  // A matrix value may set `instances`: then the smallest and largest cell.
  const low = Math.min(...cellInstances);
  const high = Math.max(...cellInstances);
  const instances = low === high ? `${low} instance${low === 1 ? '' : 's'}` : `${low} to ${high} instances per cell`;
  const parts = [s.name, instances, `duration ${formatDuration(s.duration)}`];
  if (s.clock.speed !== 1) parts.push(`speed ${s.clock.speed}`);
  if (cellInstances.length > 1) parts.push(`${cellInstances.length} cells`);
  return parts.join(', ');
}
