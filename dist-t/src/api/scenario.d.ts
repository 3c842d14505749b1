import { type ScenarioProblem } from '../core/errors.js';
import { type CellDefinition } from '../scenario/matrix.js';
import type { ScenarioOverride } from '../scenario/overrides.js';
import type { Scenario } from '../scenario/types.js';
/**
 * Loading and checking a scenario for the public API and the CLI (`duress run`, `duress validate`): the
 * YAML read and validated, overrides applied, the matrix expanded into cells, the clock speed checked,
 * and the capacity warnings worked out, so a scenario the library accepts is one `duress run` accepts.
 */
/** How a scenario is read: overrides, a subset of the matrix, and the name used in problems. */
export interface LoadScenarioOptions {
    /**
     * Values set before validation, as `duress run --set key.path=value` does: `{ duration: '5s', 'system.input.rate': '100/s' }`.
     * A string is read as YAML (`10s`, `false`, `[a, b]`); numbers, booleans, lists and mappings are taken as they are.
     */
    set?: Readonly<Record<string, unknown>>;
    /** The same as `set` in the CLI's form (each names the flag that asked for it); applied before `set`. */
    overrides?: readonly ScenarioOverride[];
    /** Run only the cells whose matrix values match every `dimension: value`, as `duress run --only`. */
    only?: Readonly<Record<string, string>>;
    /** How the scenario is named in problems and in the results: the file as given, or `<string>` for text. */
    name?: string;
}
/** A scenario ready to run: what it says (units resolved, defaults filled) and the cells its matrix makes. */
export interface LoadedScenario {
    /** How the scenario is named in problems, results and reports. */
    name: string;
    /** The base scenario (the matrix not applied). */
    scenario: Scenario;
    /** One per combination of the matrix's values (one cell, `default`, without a matrix); each with its own scenario. */
    cells: CellDefinition[];
    /** What may make the run's figures unfaithful on this machine (too many instances or records per core); never fatal. */
    warnings: string[];
}
/** A scenario's check: the loaded scenario when it has no problem, else every problem found with its place. */
export type ScenarioCheck = {
    ok: true;
    loaded: LoadedScenario;
    problems: [];
} | {
    ok: false;
    loaded: undefined;
    problems: ScenarioProblem[];
};
/**
 * Reads, validates and expands a scenario file. A file that cannot be read, or a clock too fast for this
 * machine, throws an InputError; anything wrong in the file throws one ScenarioError whose `problems` list
 * every problem with its file, line and column.
 */
export declare function loadScenario(file: string, options?: LoadScenarioOptions): Promise<LoadedScenario>;
/** Like loadScenario, for scenario text (YAML) already in hand; problems name it `options.name`, by default `<string>`. */
export declare function parseScenario(text: string, options?: LoadScenarioOptions): LoadedScenario;
/**
 * Checks a scenario without throwing for what is wrong with it, as `duress validate` does: `{ file }` reads
 * a file, `{ text }` takes YAML text. Every problem comes with its place (`file:line:column`, formatProblem);
 * a problem that has no place in the file (unreadable file, clock too fast) has no file and line 0, and its
 * message names the file.
 */
export declare function checkScenario(source: {
    file: string;
} | {
    text: string;
}, options?: LoadScenarioOptions): Promise<ScenarioCheck>;
