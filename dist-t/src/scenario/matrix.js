import { InputError, ScenarioError } from '../core/errors.js';
import { applyOverrides, validateScenarioData } from './load.js';
/**
 * The cells of a scenario: the cross product of its matrix dimensions (the first dimension varies
 * slowest), each value's overrides deep-merged into the scenario as written, then validated again so a
 * value that breaks the scenario is reported with the matrix entry that did it. `only` keeps the cells
 * whose values match every given `dimension=value`.
 */
export function expandMatrix(data, base, source, only = {}) {
    const dims = Object.entries(base.matrix);
    for (const [dim, value] of Object.entries(only)) {
        const values = base.matrix[dim];
        if (!values)
            throw new InputError(`--only ${dim}=${value}: the scenario has no matrix dimension "${dim}"${dims.length ? ` (it has ${dims.map(([d]) => d).join(', ')})` : ''}`);
        if (!(value in values))
            throw new InputError(`--only ${dim}=${value}: "${dim}" has no value "${value}" (it has ${Object.keys(values).join(', ')})`);
    }
    if (dims.length === 0)
        return [{ index: 0, name: 'default', values: {}, scenario: base }];
    let combos = [[]];
    for (const [dim, values] of dims)
        combos = combos.flatMap((c) => Object.keys(values).map((v) => [...c, [dim, v]]));
    const { matrix: _matrix, ...rest } = data;
    const cells = [];
    const problems = [];
    combos.forEach((combo) => {
        const values = Object.fromEntries(combo);
        if (Object.entries(only).some(([d, v]) => values[d] !== v))
            return;
        let merged = rest;
        for (const [dim, value] of combo)
            merged = applyOverrides(merged, base.matrix[dim]?.[value] ?? {});
        const name = combo.map(([d, v]) => `${d}=${v}`).join(',');
        try {
            cells.push({ index: cells.length, name, values, scenario: validateScenarioData(merged, `${source} (matrix cell ${name})`) });
        }
        catch (err) {
            if (err instanceof ScenarioError)
                problems.push(...err.problems);
            else
                throw err;
        }
    });
    if (problems.length > 0)
        throw new ScenarioError(problems);
    return cells;
}
/** Parses `--only dim=value` options. */
export function parseOnly(values) {
    const only = {};
    for (const v of values ?? []) {
        const i = v.indexOf('=');
        if (i <= 0)
            throw new InputError(`--only ${v}: expected dimension=value, e.g. --only variant=patch`);
        only[v.slice(0, i)] = v.slice(i + 1);
    }
    return only;
}
//# sourceMappingURL=matrix.js.map