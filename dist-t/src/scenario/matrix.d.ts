import type { Scenario } from './types.js';
/** One combination of the matrix's values: a cell, with the scenario it runs. */
export interface CellDefinition {
    index: number;
    /** `variant=patch,keepalive=on`; `default` when the scenario has no matrix. */
    name: string;
    values: Record<string, string>;
    scenario: Scenario;
}
/**
 * The cells of a scenario: the cross product of its matrix dimensions (the first dimension varies
 * slowest), each value's overrides deep-merged into the scenario as written, then validated again so a
 * value that breaks the scenario is reported with the matrix entry that did it. `only` keeps the cells
 * whose values match every given `dimension=value`.
 */
export declare function expandMatrix(data: Record<string, unknown>, base: Scenario, source: string, only?: Record<string, string>): CellDefinition[];
/** Parses `--only dim=value` options. */
export declare function parseOnly(values: string[] | undefined): Record<string, string>;
