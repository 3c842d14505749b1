import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
/**
 * ARCHITECTURE.md's worked examples are the toys that test/integration/api/toys.test.ts registers and runs:
 * each ```ts block announced by `<!-- example: <file> -->` must be that file's `// #region architecture`
 * … `// #endregion` text, with the public API's path written as a user writes it ('duress'). So the doc
 * cannot drift from code that runs.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const PUBLIC_API = '../../../src/index.js';
/** One toy per extension point (the system kind has two files: its kind and its worker). */
const TOYS = ['toy-toxic.ts', 'toy-sink.ts', 'toy-kind.ts', 'toy-worker.ts', 'toy-renderer.ts'].map((f) => `test/fixtures/toys/${f}`);
/** The ```ts block that follows each `<!-- example: <file> -->` line, by file. */
function examplesOf(markdown) {
    const found = new Map();
    const pattern = /^<!-- example: (\S+) -->\n```ts\n([\s\S]*?)^```$/gm;
    for (const [, file, code] of markdown.matchAll(pattern)) {
        assert.ok(!found.has(file), `${file} is shown twice`);
        found.set(file, code);
    }
    return found;
}
/** The text between a file's `// #region architecture` and `// #endregion` lines, as a user would import it. */
function regionOf(source, file) {
    const lines = source.split('\n');
    const start = lines.indexOf('// #region architecture');
    const end = lines.indexOf('// #endregion', start + 1);
    assert.ok(start >= 0 && end > start, `${file} has no // #region architecture … // #endregion`);
    return `${lines.slice(start + 1, end).join('\n')}\n`.replaceAll(PUBLIC_API, 'duress');
}
test('every example in ARCHITECTURE.md is a toy fixture, as it is written', () => {
    const examples = examplesOf(readFileSync(path.join(root, 'ARCHITECTURE.md'), 'utf8'));
    assert.deepEqual([...examples.keys()].sort(), [...TOYS].sort(), 'one example per toy file, each tagged with its file');
    for (const [file, code] of examples) {
        const region = regionOf(readFileSync(path.join(root, file), 'utf8'), file);
        assert.ok(!region.includes('/src/'), `${file}: the example imports duress's internals, not its public API`);
        assert.equal(code, region, `ARCHITECTURE.md's example of ${file} differs from the file's region`);
    }
});
test('the comparison fails on a changed line and finds a missing region', () => {
    const file = 'x.ts';
    const source = `import { a } from '${PUBLIC_API}';\n// #region architecture\nimport { b } from '${PUBLIC_API}';\nconst c = 1;\n// #endregion\n`;
    assert.equal(regionOf(source, file), "import { b } from 'duress';\nconst c = 1;\n");
    const doc = (code) => `text\n<!-- example: x.ts -->\n\`\`\`ts\n${code}\`\`\`\nmore\n`;
    assert.equal(examplesOf(doc(regionOf(source, file))).get(file), regionOf(source, file));
    assert.notEqual(examplesOf(doc("import { b } from 'duress';\nconst c = 2;\n")).get(file), regionOf(source, file));
    assert.throws(() => regionOf('const c = 1;\n', file), /x\.ts has no \/\/ #region architecture/);
});
//# sourceMappingURL=examples.test.js.map