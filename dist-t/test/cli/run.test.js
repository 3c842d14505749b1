import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
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
function readResults(folder) {
    return JSON.parse(readFileSync(path.join(folder, 'results.json'), 'utf8'));
}
test('run: the quickstart prints the summary, writes results.json and exits 0', { timeout: 60_000 }, () => {
    const out = path.join(dir, 'quick');
    const r = spawnSync(process.execPath, [bin, 'run', quickstart, '--duration', '3s', '--instances', '2', '--out', out], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 50_000,
        env: { ...process.env, NO_COLOR: '1' },
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /quickstart — 1 cell, 2 instances/);
    assert.match(r.stdout, /end to end \(from scheduled generation\)/);
    assert.match(r.stdout, /lost silently\s*│\s*0\s/);
    const results = readResults(out);
    assert.equal(results.cells.length, 1);
    const cell = results.cells[0];
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
test('run: without --out, results go to reports/<name>-<time>/ under the working folder', { timeout: 60_000 }, () => {
    const r = spawnSync(process.execPath, [bin, 'run', quickstart, '--duration', '1s', '--instances', '1'], { cwd: dir, encoding: 'utf8', timeout: 50_000 });
    assert.equal(r.status, 0, r.stderr);
    const runs = readdirSync(path.join(dir, 'reports'));
    assert.equal(runs.length, 1);
    assert.match(runs[0], /^quickstart-\d{8}T\d{6}Z$/);
    assert.ok(existsSync(path.join(dir, 'reports', runs[0], 'results.json')));
    assert.ok(existsSync(path.join(dir, 'reports', runs[0], 'journal.jsonl')));
});
// SIGINT and SIGTERM: signals.test.ts.
test('run: a scenario with problems exits 2 and names them', { timeout: 30_000 }, () => {
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, 'name: bad\nduration: soon\nsystem:\n  kind: forwarder\n  input: { rate: 10/s }\n');
    const r = spawnSync(process.execPath, [bin, 'run', bad], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /bad\.yaml:2:\d+ duration: /);
    const missing = spawnSync(process.execPath, [bin, 'run', path.join(dir, 'nope.yaml')], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr.trim().split('\n').length, 1, missing.stderr);
});
//# sourceMappingURL=run.test.js.map