import path from 'node:path';
import type { Argv } from 'yargs';
import { ExitCode, InputError } from '../../errors.js';
import { parseCellSelector } from '../../report/cell-pool.js';
import { compareRuns } from '../../report/compare.js';
import { loadRunResults } from '../../report/load-run.js';
import { renderComparisonMarkdown } from '../../report/renderers/compare-markdown.js';
import { renderComparisonTerminal } from '../../report/renderers/compare-terminal.js';
import { formatSelector } from '../../stats/thresholds.js';
import { defineCommand } from '../command.js';

interface CompareArgs {
  a: string;
  b?: string;
  baseline?: string;
  candidate?: string;
  format: 'terminal' | 'markdown';
  confidence: number;
}

function selector(flag: string, text: string | undefined): Record<string, string> {
  if (text === undefined) return {};
  const parsed = parseCellSelector(text);
  if (parsed === undefined) throw new InputError(`--${flag} ${text}: expected dimension=value[,dimension=value], e.g. --${flag} variant=patch`);
  return parsed;
}

export const compareCommand = defineCommand<CompareArgs>({
  command: 'compare <a> [b]',
  describe: 'Compare two runs, or two variants of one run: failure-rate test, hours to failure, latency shift, verdict',
  builder: (y: Argv) =>
    y
      .positional('a', { type: 'string', describe: 'the baseline run folder (or the only one, with --baseline and --candidate)', demandOption: true })
      .positional('b', { type: 'string', describe: 'the candidate run folder' })
      .option('baseline', { type: 'string', describe: 'cells of the baseline, e.g. variant=no-patch (pooled when several match)' })
      .option('candidate', { type: 'string', describe: 'cells of the candidate, e.g. variant=patch' })
      .option('format', { choices: ['terminal', 'markdown'] as const, default: 'terminal' as const, describe: 'output format' })
      .option('confidence', { type: 'number', default: 0.95, describe: 'confidence of the test and of the bounds' })
      .example('$0 compare reports/run-a reports/run-b', 'candidate run b against baseline run a')
      .example('$0 compare reports/stability --baseline variant=no-patch --candidate variant=patch', 'two variants of one run') as unknown as Argv<CompareArgs>,
  run: async (args, io) => {
    if (!(args.confidence > 0 && args.confidence < 1)) throw new InputError(`--confidence ${args.confidence}: expected a number between 0 and 1, e.g. 0.95`);
    if (args.b === undefined && (args.baseline === undefined || args.candidate === undefined)) {
      throw new InputError('compare needs two run folders, or one run folder with --baseline and --candidate', {
        hint: 'duress compare reports/a reports/b, or duress compare reports/run --baseline variant=no-patch --candidate variant=patch',
      });
    }
    const a = loadRunResults(args.a, io.cwd);
    const b = args.b === undefined ? a : loadRunResults(args.b, io.cwd);
    const baselineSelector = selector('baseline', args.baseline);
    const candidateSelector = selector('candidate', args.candidate);
    const label = (folder: string, sel: Record<string, string>, twoRuns: boolean): string => {
      const cells = formatSelector(sel).replace(/^\{|\}$/g, '');
      if (!twoRuns) return cells;
      const name = path.basename(path.resolve(io.cwd, folder));
      return cells ? `${name} ${cells}` : name;
    };
    const twoRuns = args.b !== undefined;
    const comparison = compareRuns(
      { ...a, selector: baselineSelector, label: label(args.a, baselineSelector, twoRuns) },
      { ...b, selector: candidateSelector, label: label(args.b ?? args.a, candidateSelector, twoRuns) },
      args.confidence,
    );
    io.stdout.write(args.format === 'markdown' ? renderComparisonMarkdown(comparison) : renderComparisonTerminal(comparison, { color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR }));
    return ExitCode.ok;
  },
});
