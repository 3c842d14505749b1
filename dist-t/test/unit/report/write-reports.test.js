import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, test } from 'node:test';
import { reportOutput } from '../../../src/cli/io.js';
import { ExitCode } from '../../../src/core/errors.js';
import { writeReports } from '../../../src/report/write-reports.js';
import { fixtureResults, writeFixtureRun } from '../../fixtures/report-fixture.js';
const root = mkdtempSync(path.join(tmpdir(), 'duress-write-reports-'));
after(() => rmSync(root, { recursive: true, force: true }));
function io(env = {}) {
    let text = '';
    const stdout = new Writable({
        write(chunk, _enc, done) {
            text += chunk.toString();
            done();
        },
    });
    return { stdout, stderr: stdout, env, cwd: root, interrupted: new AbortController().signal, out: () => text };
}
test('every format by default: results.json, report.json, report.md, report.html, junit.xml and the terminal', async () => {
    const dir = path.join(root, 'all');
    const cli = io();
    const { exitCode } = await writeReports(fixtureResults(), dir, reportOutput(cli));
    assert.equal(exitCode, ExitCode.ok);
    assert.deepEqual(readdirSync(dir).sort(), ['junit.xml', 'report.html', 'report.json', 'report.md', 'results.json']);
    assert.match(cli.out(), /^duress: fixture-stability — 4 cells/);
});
test('the formats the run asked for, read from its journal; results.json always', async () => {
    const dir = writeFixtureRun(path.join(root, 'some'), { formats: ['markdown', 'junit'] });
    const cli = io();
    await writeReports(fixtureResults(), dir, reportOutput(cli));
    assert.deepEqual(readdirSync(dir).sort(), ['journal.jsonl', 'junit.xml', 'report.md', 'results.json']);
    assert.equal(cli.out(), '', 'no terminal format: nothing on stdout');
    const only = path.join(root, 'only');
    await writeReports(fixtureResults(), only, { ...reportOutput(io()), formats: ['html'] });
    assert.deepEqual(readdirSync(only).sort(), ['report.html', 'results.json']);
});
test('a failed threshold makes the exit code 1; the Markdown is appended to GITHUB_STEP_SUMMARY', async () => {
    const summary = path.join(root, 'step-summary.md');
    writeFileSync(summary, '# before\n');
    const failing = await writeReports(fixtureResults({ thresholds: ['lost == 0'] }), path.join(root, 'failing'), reportOutput(io({ GITHUB_STEP_SUMMARY: summary })));
    assert.equal(failing.exitCode, ExitCode.thresholdFailed);
    const text = readFileSync(summary, 'utf8');
    assert.match(text, /^# before\n## duress: fixture-stability/);
    assert.match(text, /\| `lost == 0` \| 37 \| == 0 \| ❌ failed: measured 37, needs == 0 \|/);
    const passing = await writeReports(fixtureResults({ thresholds: ['lost{variant=patch} == 0'] }), path.join(root, 'passing'), reportOutput(io()));
    assert.equal(passing.exitCode, ExitCode.ok);
});
//# sourceMappingURL=write-reports.test.js.map