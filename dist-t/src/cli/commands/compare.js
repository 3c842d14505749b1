import path from 'node:path';
import { ExitCode, InputError } from '../../core/errors.js';
import { defineCommand } from '../command.js';
import { numberFlag } from '../flags.js';
function selector(parseCellSelector, flag, text) {
    if (text === undefined)
        return {};
    const parsed = parseCellSelector(text);
    if (parsed === undefined)
        throw new InputError(`--${flag} ${text}: expected dimension=value[,dimension=value], e.g. --${flag} variant=patch`);
    return parsed;
}
export const compareCommand = defineCommand({
    command: 'compare <a> [b]',
    describe: 'Compare two runs, or two variants of one run: failure-rate test, hours to failure, latency shift, verdict',
    builder: (y) => y
        .positional('a', { type: 'string', describe: 'the baseline run folder (or the only one, with --baseline and --candidate)', demandOption: true })
        .positional('b', { type: 'string', describe: 'the candidate run folder' })
        .option('baseline', { type: 'string', requiresArg: true, describe: 'cells of the baseline, e.g. variant=no-patch (pooled when several match)' })
        .option('candidate', { type: 'string', requiresArg: true, describe: 'cells of the candidate, e.g. variant=patch' })
        .option('format', { choices: ['terminal', 'markdown'], requiresArg: true, default: 'terminal', describe: 'output format' })
        .option('confidence', {
        type: 'string',
        requiresArg: true,
        default: '0.95',
        coerce: numberFlag('confidence', { min: 0, max: 1, example: '0.95' }),
        describe: 'confidence of the test and of the bounds',
    })
        .example('$0 compare reports/run-a reports/run-b', 'candidate run b against baseline run a')
        .example('$0 compare reports/stability --baseline variant=no-patch --candidate variant=patch', 'two variants of one run'),
    prepare: async (args, io) => {
        if (args.b === undefined && (args.baseline === undefined || args.candidate === undefined)) {
            throw new InputError('compare needs two run folders, or one run folder with --baseline and --candidate', {
                hint: 'duress compare reports/a reports/b, or duress compare reports/run --baseline variant=no-patch --candidate variant=patch',
            });
        }
        const [{ parseCellSelector }, { loadRunResults }] = await Promise.all([import('../../results/cell-pool.js'), import('../../results/load-run.js')]);
        const baselineSelector = selector(parseCellSelector, 'baseline', args.baseline);
        const candidateSelector = selector(parseCellSelector, 'candidate', args.candidate);
        const a = loadRunResults(args.a, io.cwd);
        const b = args.b === undefined ? a : loadRunResults(args.b, io.cwd);
        return { args, a, b, baselineSelector, candidateSelector };
    },
    run: async ({ args, a, b, baselineSelector, candidateSelector }, io) => {
        const [{ compareRuns }, { renderComparisonMarkdown, renderComparisonTerminal }, { formatSelector }] = await Promise.all([
            import('../../report/compare.js'),
            import('../../report/renderers/compare.js'),
            import('../../stats/thresholds.js'),
        ]);
        const label = (folder, sel, twoRuns) => {
            const cells = formatSelector(sel).replace(/^\{|\}$/g, '');
            if (!twoRuns)
                return cells;
            const name = path.basename(path.resolve(io.cwd, folder));
            return cells ? `${name} ${cells}` : name;
        };
        const twoRuns = args.b !== undefined;
        const comparison = compareRuns({ ...a, selector: baselineSelector, label: label(args.a, baselineSelector, twoRuns) }, { ...b, selector: candidateSelector, label: label(args.b ?? args.a, candidateSelector, twoRuns) }, args.confidence);
        io.stdout.write(args.format === 'markdown' ? renderComparisonMarkdown(comparison) : renderComparisonTerminal(comparison, { color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR }));
        return ExitCode.ok;
    },
});
//# sourceMappingURL=compare.js.map