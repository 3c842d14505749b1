import { scenarioJsonSchemaText } from '../../scenario/json-schema.js';
import { defineCommand } from '../command.js';

export const schemaCommand = defineCommand<Record<string, unknown>>({
  command: 'schema',
  describe: 'Print the JSON Schema of scenario files (for editors and other tools)',
  builder: (y) => y,
  run: async (_args, io) => {
    io.stdout.write(scenarioJsonSchemaText());
    return 0;
  },
});
