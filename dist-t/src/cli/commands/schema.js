import { ExitCode } from '../../core/errors.js';
import { defineCommand } from '../command.js';
export const schemaCommand = defineCommand({
    command: 'schema',
    describe: 'Print the JSON Schema of scenario files (for editors and other tools)',
    builder: (y) => y,
    prepare: async () => undefined,
    run: async (_plan, io) => {
        const { scenarioJsonSchemaText } = await import('../../scenario/json-schema.js');
        io.stdout.write(scenarioJsonSchemaText());
        return ExitCode.ok;
    },
});
//# sourceMappingURL=schema.js.map