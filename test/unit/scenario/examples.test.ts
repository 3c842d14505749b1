import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { loadScenario } from '../../../src/scenario/load.js';

// Compiled to dist/test/unit/scenario/: the repository root is four folders up.
const folder = fileURLToPath(new URL('../../../../scenarios/', import.meta.url));
const files = existsSync(folder) ? readdirSync(folder).filter((f) => /\.ya?ml$/.test(f)).sort() : [];

test('every example in scenarios/ validates', async () => {
  for (const name of files) {
    const scenario = await loadScenario(path.join(folder, name), { displayName: `scenarios/${name}` });
    assert.ok(scenario.name.length > 0, name);
  }
});
