import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { marked, type Tokens } from 'marked';
import { wholeHours } from '../fixtures/expected-htf.js';
import { fixtureExpectations, writeFixtureRun } from '../fixtures/report-fixture.js';

// Compiled to dist/test/cli/: the repository root is three folders up. Needs `npm run build` first.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = path.join(root, 'bin', 'duress.js');
const quickstart = path.join(root, 'scenarios', 'quickstart.yaml');
let dir = '';

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'duress-compare-'));
  writeFixtureRun(path.join(dir, 'a'));
  writeFixtureRun(path.join(dir, 'b'), { seed: 2, failureScale: 1.1 });
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
});

function duress(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 50_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('compare: two variants of one run; the patch fails far less often, p < 0.05, and compare exits 0', { timeout: 30_000 }, () => {
  const r = duress('compare', 'a', '--baseline', 'variant=no-patch', '--candidate', 'variant=patch');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /exact conditional test: p < 0\.0001 \(two-sided\)/);
  // From the fixture's inputs: failures and exposure of each side; the ratio of their failure rates.
  const cells = fixtureExpectations();
  const side = (variant: string): { r: number; T: number } => {
    const mine = cells.filter((c) => c.name.startsWith(`variant=${variant},`));
    return { r: mine.reduce((n, c) => n + c.failures, 0), T: mine.reduce((n, c) => n + c.exposureHours, 0) };
  };
  const [noPatch, patch] = [side('no-patch'), side('patch')];
  const factor = /verdict: candidate fails (\d+)× less often \(p < 0\.0001\): significant at 95%/.exec(r.stdout);
  assert.ok(factor, r.stdout);
  const ratio = noPatch.r / noPatch.T / (patch.r / patch.T);
  assert.ok(Math.abs(Number(factor[1]) - ratio) <= 0.5, `${factor[1]}× against a rate ratio of ${ratio}`);
  assert.match(r.stdout, new RegExp(`│ hours to failure\\s+│ ~${wholeHours(noPatch.T / noPatch.r)}\\s+│ ~${wholeHours(patch.T / patch.r)}`));
});

test('compare: the same variant of two runs shows no significant difference (Markdown)', { timeout: 30_000 }, () => {
  const r = duress('compare', 'a', 'b', '--baseline', 'variant=no-patch,keepalive=on', '--candidate', 'variant=no-patch,keepalive=on', '--format', 'markdown');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /\*\*Verdict: no significant difference \(p = 0\.\d+\)\.\*\*/);
  const table = marked.lexer(r.stdout).find((t): t is Tokens.Table => t.type === 'table');
  assert.ok(table);
  assert.deepEqual(table.header.map((h) => h.text), ['', 'baseline: a variant=no-patch,keepalive=on', 'candidate: b variant=no-patch,keepalive=on', 'difference']);
  const n = fixtureExpectations()[2]!.failures;
  const scaled = fixtureExpectations({ failureScale: 1.1 })[2]!.failures;
  assert.deepEqual(table.rows.find((row) => row[0]!.text === 'failures')!.slice(1, 3).map((c) => c.text), [`${n} (${n} crashes)`, `${scaled} (${scaled} crashes)`]);
});

/** `duress ...` as a child process that runs beside this test's other work: its exit code and stderr. */
async function duressAsync(...args: string[]): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 50_000, env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const [status] = (await once(child, 'exit')) as [number | null];
  return { status, stderr };
}

test('compare: two real runs of the same scenario differ in nothing significant', { timeout: 90_000 }, async () => {
  // The two runs are independent (own folders, own port-0 servers): they run at the same time.
  const runs = await Promise.all(['q1', 'q2'].map((name) => duressAsync('run', quickstart, '--duration', '2s', '--instances', '1', '--out', name)));
  for (const r of runs) assert.equal(r.status, 0, r.stderr);
  const r = duress('compare', 'q1', 'q2');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /verdict: no significant difference \(p = 1\): neither side failed/);
  assert.match(r.stdout, /latency p99 \(end to end\)/);
});

test('compare: bad input exits 2 with what to do', { timeout: 30_000 }, () => {
  const one = duress('compare', 'a');
  assert.equal(one.status, 2);
  assert.match(one.stderr, /two run folders, or one run folder with --baseline and --candidate/);
  const none = duress('compare', 'a', '--baseline', 'variant=nope', '--candidate', 'variant=patch');
  assert.equal(none.status, 2);
  assert.match(none.stderr, /no cell matches \{variant=nope\}/);
  const missing = duress('compare', 'nowhere', 'a');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /nowhere: no such run folder or file/);
});
