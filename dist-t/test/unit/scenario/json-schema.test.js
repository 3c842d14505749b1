import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { scenarioJsonSchema, scenarioJsonSchemaText } from '../../../src/scenario/json-schema.js';
import { DURATION_PATTERN } from '../../../src/core/units.js';
// Compiled to dist/test/unit/scenario/: the repository root is four folders up.
const committed = fileURLToPath(new URL('../../../../schema/scenario.schema.json', import.meta.url));
test('schema/scenario.schema.json is up to date (run `npm run schema` when this fails)', () => {
    assert.equal(readFileSync(committed, 'utf8'), scenarioJsonSchemaText());
});
test('the JSON Schema describes the YAML form: unit strings with a pattern, defaults as written, strict objects', () => {
    const schema = scenarioJsonSchema();
    assert.deepEqual(schema.required, ['name', 'duration', 'system']);
    assert.equal(schema.additionalProperties, false);
    const duration = schema.properties?.duration;
    const text = duration?.anyOf?.find((s) => s.type === 'string');
    assert.equal(text?.pattern, DURATION_PATTERN.source);
    const forwarder = schema.properties?.system?.oneOf?.[0];
    assert.equal(forwarder?.properties?.flush?.default, '1s');
    assert.equal(forwarder?.properties?.memLimit?.default, '64MB');
    assert.ok(forwarder?.properties?.memLimit?.anyOf?.some((s) => s.type === 'string' && typeof s.pattern === 'string'));
    assert.equal(forwarder?.additionalProperties, false);
    assert.equal(schema.properties?.drain?.default, '30s');
});
test('every pattern in the JSON Schema compiles as a unicode regular expression, as editors compile them', () => {
    const patterns = [];
    const visit = (node) => {
        if (Array.isArray(node))
            node.forEach(visit);
        else if (node !== null && typeof node === 'object') {
            for (const [key, value] of Object.entries(node)) {
                if (key === 'pattern' && typeof value === 'string')
                    patterns.push(value);
                else
                    visit(value);
            }
        }
    };
    visit(scenarioJsonSchema());
    assert.ok(patterns.length >= 4);
    for (const pattern of patterns)
        assert.doesNotThrow(() => new RegExp(pattern, 'u'), pattern);
});
//# sourceMappingURL=json-schema.test.js.map