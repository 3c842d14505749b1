import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { loadScenario } from '../../../src/scenario/load.js';
import { systemProgram, type SystemProgram } from '../../helpers/system-program.js';

// Compiled to dist/test/unit/scenario/: the repository root is four folders up.
const folder = fileURLToPath(new URL('../../../../scenarios/', import.meta.url));

/** The examples the README and the package promise; a missing or misplaced folder fails here, not silently. */
const EXPECTED = ['broker-slow-subscriber.yaml', 'brokers-slow-subscriber.yaml', 'cloudwatch-stability.yaml', 'faults-tour.yaml', 'http-load.yaml', 'quickstart.yaml', 'syslog-ng-http.yaml'];

/** Examples whose system is a program from Debian's packages: validating them needs it installed (the schema checks the command). */
const NEEDS: Readonly<Record<string, SystemProgram>> = { 'syslog-ng-http.yaml': 'syslog-ng' };

test('scenarios/ holds the expected examples, and every one of them validates', async () => {
  const files = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f)).sort();
  assert.deepEqual(files, EXPECTED, `the YAML files in ${folder}`);
  for (const name of files) {
    const program = NEEDS[name];
    if (program !== undefined) systemProgram(program);
    const scenario = await loadScenario(path.join(folder, name), { displayName: `scenarios/${name}` });
    assert.equal(scenario.name, name.replace(/\.ya?ml$/, ''), `${name}: its name is its file name`);
  }
});
