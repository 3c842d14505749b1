import path from 'node:path';
import type { Argv } from 'yargs';
import { runScenario, type RunProgress } from '../../engine/run.js';
import { ExitCode } from '../../errors.js';
import { formatCount, formatMs } from '../../report/format.js';
import { defaultRunDir } from '../../report/output-dir.js';
import { writeReports } from '../../report/write-reports.js';
import { loadScenarioDocument } from '../../scenario/load.js';
import { expandMatrix, parseOnly } from '../../scenario/matrix.js';
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
  only?: string[];
  toxiproxy?: string;
}

export const runCommand = defineCommand<RunArgs>({
  command: 'run <file>',
  describe: 'Run a scenario: load, faults, failures and an exact account of every record',
  builder: (y: Argv) =>
    y
      .positional('file', { type: 'string', describe: 'scenario file (YAML)', demandOption: true })
      .option('duration', { type: 'string', describe: 'override the scenario duration (scenario time), e.g. 30s' })
      .option('instances', { type: 'number', describe: 'override the number of instances per cell' })
      .option('seed', { type: 'number', describe: 'override the seed' })
      .option('out', { type: 'string', describe: 'folder for the journal, results and reports (default reports/<name>-<time>)' })
      .option('set', setOption)
      .option('only', { type: 'string', array: true, describe: 'run only the cells with this matrix value, e.g. --only variant=patch' })
      .option('toxiproxy', { type: 'string', describe: 'drive faults through this Toxiproxy server instead of the embedded one (or TOXIPROXY_URL)' }) as unknown as Argv<RunArgs>,
  run: async (args, io) => {
    const overrides = parseSetOptions(args.set);
    if (args.duration !== undefined) overrides.push({ path: 'duration', value: args.duration });
    if (args.instances !== undefined) overrides.push({ path: 'instances', value: String(args.instances) });
    if (args.seed !== undefined) overrides.push({ path: 'seed', value: String(args.seed) });
    const file = path.resolve(io.cwd, args.file);
    const { scenario, data } = await loadScenarioDocument(file, { overrides, displayName: args.file });
    const cells = expandMatrix(data, scenario, args.file, parseOnly(args.only));

    const dir = args.out ? path.resolve(io.cwd, args.out) : defaultRunDir(io.cwd, scenario.name, new Date());
    const progress = progressReporter(io);
    const warned = new Set<string>();
    const results = await runScenario(scenario, cells, {
      file: args.file,
      dir,
      signal: io.interrupted,
      toxiproxyUrl: args.toxiproxy ?? io.env.TOXIPROXY_URL,
      onProgress: progress.update,
      // duress's own trouble, as it happens: the first of each kind once (every one is in the reports).
      onHarness: (e) => {
        if (warned.has(e.kind)) return;
        warned.add(e.kind);
        io.stderr.write(`warning: harness ${e.kind}${e.cell === undefined ? '' : ` (cell ${e.cell})`}: ${e.detail}; further ones are listed in the reports\n`);
      },
    });
    progress.done();
    const outcome = await writeReports(results, dir, io);
    io.stdout.write(`reports: ${path.relative(io.cwd, dir) || '.'}${path.sep}\n`);
    return results.run.interrupted ? ExitCode.interrupted : outcome.exitCode;
  },
});

/** A live display on a terminal; a plain line every 10 s otherwise (CI logs). Always on stderr. */
function progressReporter(io: CliIO): { update: (p: RunProgress) => void; done: () => void } {
  const tty = Boolean(io.stderr.isTTY);
  let lastPlain = Number.NEGATIVE_INFINITY;
  let drawn = 0;
  return {
    update: (p) => {
      const lines = p.cells.map(
        (c) =>
          `${c.name.padEnd(28)} ${c.phase.padEnd(5)} ${formatMs(c.at).padStart(9)} of ${formatMs(c.duration).padEnd(8)} ` +
          `${c.instances} inst  exposure ${c.exposureHours.toFixed(2)} h  failures ${c.failures}  delivered ${formatCount(c.delivered)}/${formatCount(c.generated)}`,
      );
      if (tty) {
        io.stderr.write(`${drawn > 0 ? `\x1b[${drawn}F` : ''}${lines.map((l) => `\x1b[2K${l}`).join('\n')}\n`);
        drawn = lines.length;
      } else if (p.wallMs - lastPlain >= 10_000) {
        lastPlain = p.wallMs;
        io.stderr.write(`[${formatMs(p.wallMs)} wall] ${lines.join(' | ')}\n`);
      }
    },
    done: () => {
      if (drawn > 0) io.stderr.write(`\x1b[${drawn}F\x1b[J`);
    },
  };
}
