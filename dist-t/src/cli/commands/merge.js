import path from 'node:path';
import { defineCommand } from '../command.js';
import { pathFlag } from '../flags.js';
import { reportOutput } from '../io.js';
import { checkWritableDir } from '../../report/output-dir.js';
export const mergeCommand = defineCommand({
    command: 'merge <dirs..>',
    describe: 'Merge the run folders of a sharded run (duress run --shard I/N) into the whole run, with every report',
    builder: (y) => y
        .positional('dirs', { type: 'string', array: true, describe: 'the run folder of every shard', demandOption: true })
        .option('out', { type: 'string', requiresArg: true, demandOption: true, coerce: pathFlag('out'), describe: 'folder for the merged journal, results and reports' })
        .option('allow-partial', { type: 'boolean', default: false, describe: 'merge even with shards missing: every report says which (exit code 4, incomplete)' })
        .example('$0 merge runs/shard-* --out runs/merged', 'fold the shards of one run into its results and reports'),
    prepare: async (args, io) => {
        const { readShards, checkOutNotAShard } = await import('../../api/merge.js');
        const set = readShards(args.dirs, { allowPartial: args['allow-partial'], cwd: io.cwd });
        const out = path.resolve(io.cwd, args.out);
        checkOutNotAShard(out, args.dirs, io.cwd, args.out);
        checkWritableDir(out, `--out ${args.out}`);
        return { set, out };
    },
    run: async (plan, io) => {
        const { mergeShards } = await import('../../api/merge.js');
        const outcome = await mergeShards(plan.set, { out: plan.out, cwd: io.cwd, reports: reportOutput(io) });
        const shown = path.relative(io.cwd, outcome.dir) || '.';
        const { count, shards } = plan.set;
        const missing = outcome.missing.length > 0 ? `; missing ${outcome.missing.join(', ')}` : '';
        io.stderr.write(`duress: merged ${shards.length} of ${count} shard${count === 1 ? '' : 's'}${missing}\n`);
        io.stdout.write(`reports: ${shown}${path.sep}\n`);
        return outcome.exitCode;
    },
});
//# sourceMappingURL=merge.js.map