import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

// Runs from dist/test/unit/broker/: the built worker and what it imports, as a worker thread loads them.
const brokerDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../src/systems/broker');

/** Packages reached from `file` by static imports (not `import()`), following the project's own modules. */
function staticPackages(file: string, seen = new Set<string>(), packages = new Set<string>()): Set<string> {
  if (seen.has(file)) return packages;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  // Compiled ESM: `import x from '...'`, `import { a } from '...'`, `export ... from '...'`, `import '...'`.
  for (const m of source.matchAll(/^\s*(?:import|export)\s+(?:[^'";]*?\s+from\s+)?'([^']+)'/gm)) {
    const spec = m[1] as string;
    if (spec.startsWith('.')) staticPackages(path.resolve(path.dirname(file), spec), seen, packages);
    else packages.add(spec);
  }
  return packages;
}

test('an in-process broker worker loads no real-broker client library (ioredis, nats, mqtt: megabytes per worker)', () => {
  const inProcess = staticPackages(path.join(brokerDir, 'worker.js'));
  for (const pkg of ['ioredis', 'nats', 'mqtt']) assert.ok(!inProcess.has(pkg), `worker.js imports ${pkg} statically: ${[...inProcess].join(', ')}`);
  // The walk does find them where they are imported, so the check above can fail.
  const real = staticPackages(path.join(brokerDir, 'servers/server-body.js'));
  for (const pkg of ['ioredis', 'nats', 'mqtt']) assert.ok(real.has(pkg), `server-body.js should reach ${pkg}: ${[...real].join(', ')}`);
});
