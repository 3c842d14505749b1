import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { JOURNAL_FILE, readJournal } from '../journal/writer.js';
import { InputError } from '../core/errors.js';
import { buildResults } from './build-results.js';
import { upgradeLegacyCell } from './legacy-journals.js';
const RESULTS_FILE = 'results.json';
/**
 * The results of a run, from its folder (results.json, or the journal when there are no results yet: a
 * run killed before it wrote them), or from a results.json or journal.jsonl named directly.
 */
export function loadRunResults(target, cwd) {
    const full = path.resolve(cwd, target);
    const shown = path.relative(cwd, full) || '.';
    if (!existsSync(full))
        throw new InputError(`${shown}: no such run folder or file`);
    let file = full;
    if (statSync(full).isDirectory()) {
        file = [RESULTS_FILE, JOURNAL_FILE].map((f) => path.join(full, f)).find((f) => existsSync(f)) ?? '';
        if (file === '')
            throw new InputError(`${shown}: neither ${RESULTS_FILE} nor ${JOURNAL_FILE} is there; expected a run folder written by duress run`);
    }
    const source = path.relative(cwd, file);
    if (file.endsWith('.jsonl')) {
        try {
            return { results: buildResults(readJournal(file).events), source };
        }
        catch (err) {
            throw new InputError(`${source}: ${err instanceof Error ? err.message : String(err)}`);
        }
    }
    let data;
    try {
        data = JSON.parse(readFileSync(file, 'utf8'));
    }
    catch (err) {
        throw new InputError(`${source}: not readable JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    const format = data?.format;
    if (format !== 'duress-results/2')
        throw new InputError(`${source}: not a duress results file (format ${JSON.stringify(format)}, expected "duress-results/2")`);
    const results = data;
    // results.json written before kinds declared their report sections: a broker cell's `subscribers`.
    if (Array.isArray(results.cells))
        for (const cell of results.cells)
            upgradeLegacyCell(cell);
    return { results, source };
}
//# sourceMappingURL=load-run.js.map