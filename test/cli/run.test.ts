import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { RunResults } from '../../src/results/results.js';

// Compiled to dist/test/cli/: the repository root is three folders up. Needs `npm run build` first.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = path.join(root, 'bin', 'duress.js');
const quickstart = path.join(root, 'scenarios', 'quickstart.yaml');
let dir = '';

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'duress-run-'));
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
});

function readResults(folder: string): RunResults {
  return JSON.parse(readFileSync(path.join(folder, 'results.json'), 'utf8')) as RunResults;
}

/** `duress ...` as a child process in the test folder, without blocking this process (the tests run side by side). */
function duress(args: string[], timeout: number, env: NodeJS.ProcessEnv = process.env): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout, env }, (err, stdout, stderr) => {
      resolve({ status: err === null ? 0 : typeof err.code === 'number' ? err.code : null, stdout, stderr });
    });
  });
}

// Independent runs (own output folders; only the second writes reports/), mostly waiting on their child: side by side.
describe('duress run', { concurrency: true }, () => {
  test('run: the quickstart prints the summary, writes results.json and exits 0', { timeout: 60_000 }, async () => {
    const out = path.join(dir, 'quick');
    const r = await duress(['run', quickstart, '--duration', '3s', '--instances', '2', '--out', out], 50_000, { ...process.env, NO_COLOR: '1' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /quickstart — 1 cell, 2 instances/);
    assert.match(r.stdout, /end to end \(from scheduled generation\)/);
    assert.match(r.stdout, /lost silently\s*│\s*0\s/);
    const results = readResults(out);
    assert.equal(results.cells.length, 1);
    const cell = results.cells[0]!;
    assert.equal(cell.instances, 2);
    assert.ok(cell.delivery.generated > 2000);
    assert.equal(cell.delivery.delivered, cell.delivery.generated);
    assert.equal(cell.delivery.lost, 0);
    assert.equal(cell.drained, true);
    assert.equal(cell.failures.length, 0);
    assert.ok(cell.exposureHours > 0);
    assert.equal(cell.htf.overall.censored, true, 'no failure: the figure is a censored "+" figure');
    assert.ok(cell.latency.endToEnd.histogram.length > 0, 'the histogram is encoded for merging');
    assert.ok(existsSync(path.join(out, 'journal.jsonl')));
  });

  test('run: without --out, results go to reports/<name>-<time>/ under the working folder', { timeout: 60_000 }, async () => {
    const r = await duress(['run', quickstart, '--duration', '1s', '--instances', '1'], 50_000);
    assert.equal(r.status, 0, r.stderr);
    const runs = readdirSync(path.join(dir, 'reports'));
    assert.equal(runs.length, 1);
    assert.match(runs[0]!, /^quickstart-\d{8}T\d{6}Z$/);
    assert.ok(existsSync(path.join(dir, 'reports', runs[0]!, 'results.json')));
    assert.ok(existsSync(path.join(dir, 'reports', runs[0]!, 'journal.jsonl')));
  });

  // SIGINT and SIGTERM: signals.test.ts.

  test('run: a scenario with problems exits 2 and names them', { timeout: 30_000 }, async () => {
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, 'name: bad\nduration: soon\nsystem:\n  kind: forwarder\n  input: { rate: 10/s }\n');
    const r = await duress(['run', bad], 20_000);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /bad\.yaml:2:\d+ duration: /);
    const missing = await duress(['run', path.join(dir, 'nope.yaml')], 20_000);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr.trim().split('\n').length, 1, missing.stderr);
  });
});
