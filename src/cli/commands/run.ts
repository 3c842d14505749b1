import path from 'node:path';
import type { Argv } from 'yargs';
import { runScenario, type RunProgress } from '../../engine/run.js';
import { ExitCode } from '../../errors.js';
import { formatCount, formatMs } from '../../report/format.js';
import { defaultRunDir, writeFileAtomic } from '../../report/output-dir.js';
import { renderTerminalSummary } from '../../report/terminal-summary.js';
import { loadScenario } from '../../scenario/load.js';
import { defineCommand } from '../command.js';
import type { CliIO } from '../io.js';
import { parseSetOptions, setOption } from '../set-option.js';

interface RunArgs {
  file: string;
  duration?: string;
  instances?: number;
  seed?: number;
  out?: string;
  set?: string[];
}

export const runCommand = defineCommand<RunArgs>({
  command: 'run <file>',
  describe: 'Run a scenario: load, faults and an exact account of every record',
  builder: (y: Argv) =>
    y
      .positional('file', { type: 'string', describe: 'scenario file (YAML)', demandOption: true })
      .option('duration', { type: 'string', describe: 'override the scenario duration (scenario time), e.g. 30s' })
      .option('instances', { type: 'number', describe: 'override the number of instances' })
      .option('seed', { type: 'number', describe: 'override the seed' })
      .option('out', { type: 'string', describe: 'folder for results (default reports/<name>-<time>)' })
      .option('set', setOption) as unknown as Argv<RunArgs>,
  run: async (args, io) => {
    const overrides = parseSetOptions(args.set);
    if (args.duration !== undefined) overrides.push({ path: 'duration', value: args.duration });
    if (args.instances !== undefined) overrides.push({ path: 'instances', value: String(args.instances) });
    if (args.seed !== undefined) overrides.push({ path: 'seed', value: String(args.seed) });
    const file = path.resolve(io.cwd, args.file);
    const scenario = await loadScenario(file, { overrides });

    const progress = progressReporter(io);
    const results = await runScenario(scenario, { file: args.file, signal: io.interrupted, onProgress: progress.update });
    progress.done();

    const dir = args.out ? path.resolve(io.cwd, args.out) : defaultRunDir(io.cwd, scenario.name, new Date(results.run.startedAt));
    await writeFileAtomic(path.join(dir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
    io.stdout.write(renderTerminalSummary(results, { color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR }));
    io.stdout.write(`results: ${path.relative(io.cwd, path.join(dir, 'results.json')) || 'results.json'}\n`);
    return results.run.interrupted ? ExitCode.interrupted : ExitCode.ok;
  },
});

/** A live line on a terminal; a plain line every 10 s otherwise (CI logs). Always on stderr. */
function progressReporter(io: CliIO): { update: (p: RunProgress) => void; done: () => void } {
  const tty = Boolean(io.stderr.isTTY);
  let lastPlain = Number.NEGATIVE_INFINITY;
  let drew = false;
  return {
    update: (p) => {
      const line = `${p.phase} ${formatMs(p.scenarioMs)} scenario / ${formatMs(p.wallMs)} wall — generated ${formatCount(p.generated)}, delivered ${formatCount(p.delivered)}`;
      if (tty) {
        io.stderr.write(`\r\x1b[K${line}`);
        drew = true;
      } else if (p.wallMs - lastPlain >= 10_000) {
        lastPlain = p.wallMs;
        io.stderr.write(`${line}\n`);
      }
    },
    done: () => {
      if (drew) io.stderr.write('\r\x1b[K');
    },
  };
}
