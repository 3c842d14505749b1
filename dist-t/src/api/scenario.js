import { checkClockSpeed } from '../engine/clock-check.js';
import path from 'node:path';
import { InputError, ScenarioError } from '../core/errors.js';
import { withScenarioDirectory } from '../core/scenario-directory.js';
import { capacityWarnings } from '../scenario/capacity.js';
import { loadScenarioDocument, parseScenarioDocument } from '../scenario/load.js';
import { expandMatrix } from '../scenario/matrix.js';
/** Overrides for the loader: the CLI's, then `set`'s (a value that is not a string is written as JSON, which YAML reads as is). */
function overridesOf(options) {
    const set = Object.entries(options.set ?? {}).map(([key, value]) => ({ path: key, value: typeof value === 'string' ? value : JSON.stringify(value) }));
    return [...(options.overrides ?? []), ...set];
}
/** `directory`: the scenario file's folder, against which the cells' file paths are resolved (as the file's were). */
function cellsOf(name, scenario, data, options, directory) {
    const cells = withScenarioDirectory(directory, () => expandMatrix(data, scenario, name, { ...options.only }));
    for (const c of cells)
        checkClockSpeed(c.scenario, `${name}${cells.length > 1 ? ` (cell ${c.name})` : ''}`);
    return { name, scenario, cells, warnings: capacityWarnings(cells.map((c) => c.scenario)) };
}
/**
 * Reads, validates and expands a scenario file. A file that cannot be read, or a clock too fast for this
 * machine, throws an InputError; anything wrong in the file throws one ScenarioError whose `problems` list
 * every problem with its file, line and column.
 */
export async function loadScenario(file, options = {}) {
    const name = options.name ?? file;
    const { scenario, data } = await loadScenarioDocument(file, { overrides: overridesOf(options), displayName: name });
    return cellsOf(name, scenario, data, options, path.dirname(path.resolve(file)));
}
/** Like loadScenario, for scenario text (YAML) already in hand; problems name it `options.name`, by default `<string>`. */
export function parseScenario(text, options = {}) {
    const name = options.name ?? '<string>';
    const { scenario, data } = parseScenarioDocument(text, name, overridesOf(options));
    return cellsOf(name, scenario, data, options);
}
/**
 * Checks a scenario without throwing for what is wrong with it, as `duress validate` does: `{ file }` reads
 * a file, `{ text }` takes YAML text. Every problem comes with its place (`file:line:column`, formatProblem);
 * a problem that has no place in the file (unreadable file, clock too fast) has no file and line 0, and its
 * message names the file.
 */
export async function checkScenario(source, options = {}) {
    try {
        const loaded = 'file' in source ? await loadScenario(source.file, options) : parseScenario(source.text, options);
        return { ok: true, loaded, problems: [] };
    }
    catch (err) {
        if (err instanceof ScenarioError)
            return { ok: false, loaded: undefined, problems: err.problems };
        // Its message already names the file (formatProblem then prints the message alone).
        if (err instanceof InputError)
            return { ok: false, loaded: undefined, problems: [{ file: '', line: 0, column: 0, path: '', message: err.message }] };
        throw err;
    }
}
//# sourceMappingURL=scenario.js.map