import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../../src/api/scenario.js';
import { runScenario } from '../../../src/api/run.js';
import { systemProgram } from '../../helpers/system-program.js';

const SCENARIO = fileURLToPath(new URL('../../../../scenarios/syslog-ng-http.yaml', import.meta.url));
const RATE = 200;

/**
 * The shipped scenario, short: both variants of its syslog-ng configuration, two instances each, fed over
 * TCP for 5 s, with one 503 storm of 1.5 s (syslog-ng must send again). Every record goes through a real
 * syslog-ng and its http() destination into the HTTP sink, and is accounted for exactly.
 */
test('scenarios/syslog-ng-http.yaml, short: records flow through real syslog-ng into the HTTP sink, through a 503 storm, every one accounted for', { timeout: 60_000 }, async (t) => {
  systemProgram('syslog-ng');
  systemProgram('syslog-ng-http');
  const out = await mkdtemp(path.join(tmpdir(), 'duress-syslog-ng-'));
  t.after(() => rm(out, { recursive: true, force: true }));
  const loaded = await loadScenario(SCENARIO, {
    set: {
      duration: '5s',
      drain: '15s',
      instances: 2,
      'system.input.rate': `${RATE}/s`,
      faults: [{ kind: 'sink-error', name: 'storm', at: '1500ms', for: '1500ms', status: 503 }],
    },
  });
  const { results } = await runScenario(loaded, { out });

  assert.deepEqual(results.cells.map((c) => c.name).sort(), ['variant=no-patch', 'variant=patch']);
  for (const cell of results.cells) {
    const d = cell.delivery;
    const what = `${cell.name}: ${JSON.stringify(d)}`;
    assert.deepEqual(cell.failures, [], `${cell.name} had no failure`);
    // Two instances at RATE for 5 s each: less what a late start cost, more by what the stop's way to the
    // instances took (half a second at most on a loaded machine).
    assert.ok(d.generated > 2 * RATE * 5 * 0.6 && d.generated <= 2 * RATE * 5.5, what);
    assert.equal(d.delivered, d.generated, what);
    assert.equal(d.lost + d.lostInFailures + d.undrained + d.dropped, 0, what);
    assert.equal(d.duplicated + d.foreign, 0, `a 503 takes nothing, so its resend is no copy: ${what}`);
    const sink = cell.sink as { requests: Record<string, number>; messages: number };
    assert.ok(sink.requests.serverError! > 0, `the storm answered 503 to ${cell.name}: ${JSON.stringify(sink.requests)}`);
    assert.equal(sink.messages, d.delivered, 'every record the sink found is one the ledger counted');
  }
});
