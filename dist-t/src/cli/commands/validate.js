import path from 'node:path';
import { ExitCode, InputError, ScenarioError } from '../../core/errors.js';
import { formatDuration } from '../../core/units.js';
import { defineCommand } from '../command.js';
import { parseSetOptions, setOption } from '../set-option.js';
export const validateCommand = defineCommand({
    command: 'validate <files..>',
    describe: 'Check scenario files without running them: every problem with its line',
    builder: (y) => y
        .positional('files', { type: 'string', array: true, describe: 'scenario files (YAML)', demandOption: true })
        .option('set', setOption),
    prepare: async (args, io) => {
        const { loadScenario } = await import('../../api/scenario.js');
        const overrides = parseSetOptions(args.set);
        const outcomes = [];
        for (const file of args.files) {
            try {
                // What `run` would refuse (the clock check included), `validate` refuses too: the same loader.
                const { scenario, warnings } = await loadScenario(path.resolve(io.cwd, file), { overrides, name: file });
                outcomes.push({ file, scenario, warnings });
            }
            catch (err) {
                // With several files, every file's problems are reported before giving up.
                if (args.files.length === 1)
                    throw err;
                if (err instanceof ScenarioError)
                    outcomes.push({ file, problems: err.problems });
                else if (err instanceof InputError)
                    outcomes.push({ file, problems: [{ file: '', line: 0, column: 0, path: '', message: err.message }] });
                else
                    throw err;
            }
        }
        return { files: args.files, outcomes };
    },
    run: async ({ outcomes }, io) => {
        const problems = [];
        for (const outcome of outcomes) {
            if ('problems' in outcome) {
                problems.push(...outcome.problems);
                continue;
            }
            io.stdout.write(`ok: ${outcome.file} (${summary(outcome.scenario)})\n`);
            for (const warning of outcome.warnings)
                io.stderr.write(`duress: warning: ${outcome.file}: ${warning}\n`);
        }
        if (problems.length > 0)
            throw new ScenarioError(problems);
        return ExitCode.ok;
    },
});
/** `quickstart, 4 instances, duration 2h, speed 60, 4 cells` */
function summary(s) {
    const parts = [s.name, `${s.instances} instance${s.instances === 1 ? '' : 's'}`, `duration ${formatDuration(s.duration)}`];
    if (s.clock.speed !== 1)
        parts.push(`speed ${s.clock.speed}`);
    const cells = Object.values(s.matrix).reduce((n, values) => n * Math.max(1, Object.keys(values).length), 1);
    if (cells > 1)
        parts.push(`${cells} cells`);
    return parts.join(', ');
}
//# sourceMappingURL=validate.js.map