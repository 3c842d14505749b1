import { z } from 'zod';
import { scenarioSchema } from './schema.js';
/**
 * The JSON Schema of scenario files as they are written (units as strings with a `pattern`, defaults in
 * their YAML form), for editors: `# yaml-language-server: $schema=../schema/scenario.schema.json`.
 * Draft-07, the dialect YAML and JSON language servers understand best.
 */
export function scenarioJsonSchema() {
    const generated = z.toJSONSchema(scenarioSchema(), { io: 'input', target: 'draft-07' });
    const { $schema, ...rest } = generated;
    return { $schema, title: 'duress scenario', ...rest };
}
/** The schema as committed in schema/scenario.schema.json: two-space JSON with a final newline. */
export function scenarioJsonSchemaText() {
    return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
//# sourceMappingURL=json-schema.js.map