import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { decodeHistogram, mergeHistograms, summarize } from '../../src/metrics/histogram.js';
import { expectedHtf, wholeHours } from '../fixtures/expected-htf.js';
import { fixtureExpectations, fixtureResults, writeFixtureRun } from '../fixtures/report-fixture.js';

// Compiled to dist/test/cli/: the repository root is three folders up. Needs `npm run build` first.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = path.join(root, 'bin', 'duress.js');
const quickstart = path.join(root, 'scenarios', 'quickstart.yaml');
const REPORTS = ['junit.xml', 'report.html', 'report.json', 'report.md', 'results.json'];
let dir = '';

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'duress-report-cli-'));
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** `duress ...` as a child process in the test folder, without blocking this process (the tests run side by side). */
function duress(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 50_000, env: { ...process.env, NO_COLOR: '1', GITHUB_STEP_SUMMARY: '' } }, (err, stdout, stderr) => {
      resolve({ status: err === null ? 0 : typeof err.code === 'number' ? err.code : null, stdout, stderr });
    });
  });
}

// Independent checks (each its own run folder), mostly waiting on their child process: side by side.
describe('thresholds', { concurrency: true }, () => {
  test('report: a failing threshold exits 1, each threshold shown with its measured value, every report written', { timeout: 60_000 }, async () => {
    const run = writeFixtureRun(path.join(dir, 'failing'), { thresholds: ['lost == 0', 'htf_lower{variant=patch,keepalive=on} > 1000h', 'failures{mode=hang,variant=no-patch} == 0'] });
    const r = await duress('report', run);
    assert.equal(r.status, 1, r.stderr);
    // Expected figures from the fixture's inputs: the silent loss it planted, the hangs, and 2T / χ² for the bound.
    const [patchOn, , , noPatchOff] = fixtureExpectations();
    const lost = noPatchOff!.lostSilently;
    const hangs = noPatchOff!.byMode.hang!;
    const lower = wholeHours(expectedHtf(patchOn!.exposureHours, 0).lower);
    assert.match(r.stdout, new RegExp(`│ lost == 0\\s+│ ${lost}\\s+│ == 0\\s+│ FAILED: measured ${lost}, needs == 0`));
    assert.match(r.stdout, new RegExp(`│ htf_lower\\{variant=patch,keepalive=on\\} > 1000h\\s+│ ${lower}\\s+│ > 1000h\\s+│ passed`));
    assert.match(r.stdout, new RegExp(`│ failures\\{mode=hang,variant=no-patch\\} == 0\\s+│ ${hangs}\\s+│ == 0\\s+│ FAILED: measured ${hangs}, needs == 0`));
    assert.match(r.stdout, /thresholds: 2 of 3 failed/);
    assert.deepEqual(readdirSync(run).filter((f) => f !== 'journal.jsonl').sort(), REPORTS);
    assert.ok(readFileSync(path.join(run, 'report.md'), 'utf8').includes(`| \`lost == 0\` | ${lost} | == 0 | ❌ failed: measured ${lost}, needs == 0 |`));
    assert.match(readFileSync(path.join(run, 'junit.xml'), 'utf8'), new RegExp(`<testcase classname="duress\\.fixture-stability\\.thresholds" name="lost == 0" time="0">\\n\\s+<failure message="measured ${lost}, needs == 0"`));
    assert.ok(readFileSync(path.join(run, 'report.html'), 'utf8').includes(`<td>lost == 0</td><td>${lost}</td><td>== 0</td><td>FAILED: measured ${lost}, needs == 0</td>`));
  });

  test('report: a passing set exits 0', { timeout: 60_000 }, async () => {
    const run = writeFixtureRun(path.join(dir, 'passing'), { thresholds: ['lost{variant=patch} == 0', 'htf_lower{variant=patch,keepalive=on} > 1000h', 'p99{variant=patch} < 5s'] });
    const r = await duress('report', run);
    assert.equal(r.status, 0, r.stderr);
    const patch = fixtureResults().cells.filter((c) => c.values.variant === 'patch');
    const p99 = summarize(mergeHistograms(patch.map((c) => decodeHistogram(c.latency.endToEnd.histogram)))).p99;
    const shown = /│ p99\{variant=patch\} < 5s\s+│ ([\d.]+)s\s+│ < 5s\s+│ passed/.exec(r.stdout);
    assert.ok(shown && Math.abs(Number(shown[1]) * 1000 - p99) / p99 < 0.005, `the p99 of the merged patch histograms, ${p99} ms`);
    assert.match(r.stdout, /thresholds: all 3 passed/);
  });

  test('run: thresholds decide the exit code, and report DIR rebuilds the same files', { timeout: 90_000 }, async () => {
    const out = path.join(dir, 'quick');
    const thresholds = JSON.stringify(['lost == 0', 'delivered_ratio >= 99%', 'p50 < 0.001ms']);
    const r = await duress('run', quickstart, '--duration', '2s', '--instances', '1', '--out', out, '--set', `thresholds=${thresholds}`);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /│ lost == 0\s+│ 0\s+│ == 0\s+│ passed/);
    assert.match(r.stdout, /│ delivered_ratio >= 99%\s+│ 100%\s+│ >= 99%\s+│ passed/);
    assert.match(r.stdout, /│ p50 < 0\.001ms\s+│ [\d.]+m?s\s+│ < 0\.001ms\s+│ FAILED: measured/);
    const written = readdirSync(out).filter((f) => f !== 'journal.jsonl').sort();
    assert.deepEqual(written, REPORTS, 'the default formats write every report');
    for (const f of REPORTS) rmSync(path.join(out, f));
    const again = await duress('report', out);
    assert.equal(again.status, 1, again.stderr);
    assert.deepEqual(readdirSync(out).filter((f) => f !== 'journal.jsonl').sort(), written);
  });

  test('run: a threshold that does not parse is bad input (exit 2), named with its column', { timeout: 30_000 }, async () => {
    const r = await duress('run', quickstart, '--duration', '1s', '--out', path.join(dir, 'bad'), '--set', 'thresholds=["p99 << 2s"]');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /thresholds\[0\]: threshold "p99 << 2s": expected a value after "<" at column 6/);
  });
});
