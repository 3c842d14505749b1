/**
 * The JSON Schema of scenario files as they are written (units as strings with a `pattern`, defaults in
 * their YAML form), for editors: `# yaml-language-server: $schema=../schema/scenario.schema.json`.
 * Draft-07, the dialect YAML and JSON language servers understand best.
 */
export declare function scenarioJsonSchema(): Record<string, unknown>;
/** The schema as committed in schema/scenario.schema.json: two-space JSON with a final newline. */
export declare function scenarioJsonSchemaText(): string;
