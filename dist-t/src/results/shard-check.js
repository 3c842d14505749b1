import { InputError } from '../core/errors.js';
const short = (hash) => (hash === undefined ? 'none' : hash.slice(0, 12));
/**
 * Checks that the journals are shards of one run, each once: every one a shard's run (`duress run --shard`),
 * of the same scenario (the same content hash, hence the same seed), split into as many shards, run by the
 * same duress version, and no shard given twice. Shards missing are refused unless `allowPartial`. Each
 * refusal is one InputError line (exit 2) naming the folders concerned.
 */
export function checkShards(journals, options) {
    if (journals.length === 0)
        throw new InputError('merge: name the run folder of every shard');
    const checked = journals.map((j) => {
        const start = j.events.find((e) => e.t === 'run-start');
        if (!start)
            throw new InputError(`${j.source}: not a duress journal (no run-start line); expected the run folder of a shard (duress run --shard I/N)`);
        if (!start.shards)
            throw new InputError(`${j.source}: not a shard: it was run without --shard (a whole run has nothing to merge with)`);
        if (start.shards.merged)
            throw new InputError(`${j.source}: already a merge of shards ${start.shards.included.join(', ')}; merge the shards' own run folders`);
        return { ...j, start, index: start.shards.included[0] };
    });
    const [first] = checked;
    for (const s of checked) {
        if (s.start.scenario.seed !== first.start.scenario.seed) {
            throw new InputError(`shards of different runs: ${first.source} has seed ${first.start.scenario.seed}, ${s.source} seed ${s.start.scenario.seed}`);
        }
        if (s.start.scenarioHash === undefined || s.start.scenarioHash !== first.start.scenarioHash) {
            throw new InputError(`shards of different scenarios: ${first.source} ran ${first.start.scenario.name} (hash ${short(first.start.scenarioHash)}), ` +
                `${s.source} ran ${s.start.scenario.name} (hash ${short(s.start.scenarioHash)})`);
        }
        if (s.start.shards.count !== first.start.shards.count) {
            throw new InputError(`shards of different splits: ${first.source} is shard ${first.index} of ${first.start.shards.count}, ${s.source} shard ${s.index} of ${s.start.shards.count}`);
        }
        if (s.start.duressVersion !== first.start.duressVersion) {
            throw new InputError(`shards run by different duress versions: ${first.source} by ${first.start.duressVersion}, ${s.source} by ${s.start.duressVersion}`);
        }
    }
    const count = first.start.shards.count;
    const seen = new Map();
    for (const s of checked) {
        const twin = seen.get(s.index);
        if (twin)
            throw new InputError(`shard ${s.index} of ${count} given twice: ${twin.source} and ${s.source}`);
        seen.set(s.index, s);
    }
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
    if (missing.length > 0 && !options.allowPartial) {
        const which = missing.length === 1 ? `shard ${missing[0]} of ${count} is` : `shards ${missing.join(', ')} of ${count} are`;
        throw new InputError(`${which} missing (given: ${[...seen.keys()].sort((a, b) => a - b).join(', ')}); name every shard's run folder, or merge what there is with --allow-partial`);
    }
    return { shards: [...seen.values()].sort((a, b) => a.index - b.index), count, missing };
}
//# sourceMappingURL=shard-check.js.map