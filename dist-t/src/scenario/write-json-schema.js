import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from './json-schema.js';
// `npm run schema`: regenerates schema/scenario.schema.json from the built schema (dist/src/scenario/).
const target = fileURLToPath(new URL('../../../schema/scenario.schema.json', import.meta.url));
writeFileSync(target, scenarioJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
//# sourceMappingURL=write-json-schema.js.map