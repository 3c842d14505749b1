import { type ScenarioOverride } from './overrides.js';
import type { Scenario } from './types.js';
export { applyOverrides, type ScenarioOverride } from './overrides.js';
export interface LoadScenarioOptions {
    /** `--set key.path=value` overrides, applied in order to the document before validation. */
    overrides?: ScenarioOverride[];
    /** How the file is named in messages; defaults to `file` as given. */
    displayName?: string;
}
/**
 * Reads, parses and validates a scenario file. A file that cannot be read is an InputError (one line);
 * everything wrong with its content is one ScenarioError listing every problem with its line.
 */
export declare function loadScenario(file: string, options?: LoadScenarioOptions): Promise<Scenario>;
/** Like loadScenario, and also returns the document's data as written (for matrix expansion). */
export declare function loadScenarioDocument(file: string, options?: LoadScenarioOptions): Promise<{
    scenario: Scenario;
    data: Record<string, unknown>;
}>;
/**
 * Parses and validates scenario text; `file` only names it in problems. Pure: throws a ScenarioError
 * with every problem found. A file that is not valid YAML is one problem, its first syntax error: the
 * parser guesses after it, and validating or listing what it guessed would only add noise.
 */
export declare function parseScenario(text: string, file: string, overrides?: ScenarioOverride[]): Scenario;
/** Like parseScenario, and also returns the document's data as written (units unresolved, overrides applied). */
export declare function parseScenarioDocument(text: string, file: string, overrides?: ScenarioOverride[]): {
    scenario: Scenario;
    data: Record<string, unknown>;
};
/**
 * Validates scenario data that has no file behind it (for example a matrix cell built with
 * applyOverrides): the problems name `source` and key paths, without lines.
 */
export declare function validateScenarioData(data: unknown, source: string): Scenario;
