import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import { LAYERS, partOf } from './layers.js';
// Runs from dist/test/architecture/: the sources are read, not the build, so type-only imports count too.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
function escape(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
function layerRules() {
    return LAYERS.flatMap((row, i) => row.flatMap((part) => {
        const higher = LAYERS.slice(i + 1).flat();
        const siblings = row.filter((p) => p !== part);
        const banned = [...higher, ...siblings].map((p) => escape(p) + (p.endsWith('.ts') ? '$' : '/'));
        // The top part may import anything (an empty alternation would match every path).
        if (banned.length === 0)
            return [];
        return {
            name: `${part}-imports-above`,
            comment: `src/${part} may import only from parts below it (test/architecture/layers.ts)`,
            severity: 'error',
            from: { path: `^src/${escape(part)}${part.endsWith('.ts') ? '$' : '/'}` },
            to: { path: `^src/(${banned.join('|')})` },
        };
    }));
}
async function violations() {
    const rules = {
        forbidden: [
            ...layerRules(),
            { name: 'no-cycle', comment: 'modules that import each other, directly or round about', severity: 'error', from: { path: '^src/' }, to: { circular: true } },
        ],
    };
    const result = await cruise(['src'], {
        baseDir: root,
        validate: true,
        ruleSet: rules,
        tsPreCompilationDeps: true,
        tsConfig: { fileName: 'tsconfig.json' },
        doNotFollow: { path: 'node_modules' },
        exclude: { path: '\\.d\\.ts$' },
    });
    const output = result.output;
    assert.ok(typeof output !== 'string', 'dependency-cruiser returned text, not a result');
    return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}${v.cycle ? ` (cycle ${v.cycle.map((c) => c.name).join(' -> ')})` : ''}`);
}
test('every part of src/ is in the layer table', async () => {
    const fs = await import('node:fs');
    const known = new Set(LAYERS.flat());
    const parts = fs.readdirSync(path.join(root, 'src')).filter((p) => !p.endsWith('.d.ts'));
    const missing = parts.filter((p) => !known.has(p) && partOf(`src/${p}`) !== undefined);
    assert.deepEqual(missing, [], `parts not in test/architecture/layers.ts: ${missing.join(', ')}`);
});
test('no import runs from a lower part to a higher one, and no module cycle', { timeout: 120_000 }, async () => {
    const found = await violations();
    assert.deepEqual(found, [], `${found.length} forbidden imports:\n${found.join('\n')}`);
});
test('the rules see a forbidden arrow when there is one', { timeout: 120_000 }, async () => {
    // A guard against a rule set that matches nothing: an arrow from core to engine must be caught.
    const rules = layerRules();
    const core = rules.find((r) => r.name === 'core-imports-above');
    assert.ok(core && new RegExp(core.to.path).test('src/engine/run.ts') && new RegExp(core.from.path).test('src/core/clock.ts'));
    const engine = rules.find((r) => r.name === 'engine-imports-above');
    assert.ok(engine && new RegExp(engine.to.path).test('src/cli/main.ts'), 'a higher part may not be imported');
    assert.ok(!new RegExp(engine.to.path).test('src/report/model.ts'), 'a lower part may be imported');
});
//# sourceMappingURL=import-graph.test.js.map