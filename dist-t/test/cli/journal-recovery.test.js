import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = path.join(root, 'bin', 'duress.js');
const quickstart = path.join(root, 'scenarios', 'quickstart.yaml');
const dir = mkdtempSync(path.join(tmpdir(), 'duress-recovery-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const intervalLines = (file) => readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{"t":"interval"')).length;
test('kill -9 in the middle of a run, then duress report rebuilds every interval that was written', { timeout: 90_000 }, async () => {
    const out = path.join(dir, 'killed');
    const journal = path.join(out, 'journal.jsonl');
    const child = spawn(process.execPath, [bin, 'run', quickstart, '--duration', '10m', '--instances', '2', '--set', 'report.interval=1s', '--out', out], {
        stdio: 'ignore',
    });
    // Wait for the journal to hold three intervals, then kill without warning.
    await new Promise((resolve, reject) => {
        const poll = setInterval(() => {
            if (existsSync(journal) && intervalLines(journal) >= 3) {
                clearInterval(poll);
                resolve();
            }
        }, 100);
        child.once('exit', () => reject(new Error('duress exited before it was killed')));
    });
    child.kill('SIGKILL');
    await once(child, 'exit');
    // What a crash in the middle of a write leaves: half a line.
    appendFileSync(journal, '{"t":"interval","cell":0,"at":12345,"deliv');
    const written = intervalLines(journal) - 1;
    const r = spawnSync(process.execPath, [bin, 'report', out], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.status, 4, `a report rebuilt from a journal cut off by a crash is incomplete (exit 4): ${r.stderr}`);
    assert.match(r.stderr, /skipped 1 line that is not whole JSON \(the first, line \d+: /);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stdout, /the journal ends before the run did/);
    // Records in flight when duress died are not judged lost, in any format.
    assert.match(r.stdout, /lost silently\s*│\s*not judged/);
    assert.match(readFileSync(path.join(out, 'junit.xml'), 'utf8'), /<property name="lost silently" value="not judged"\/>/);
    assert.doesNotMatch(readFileSync(path.join(out, 'junit.xml'), 'utf8'), /\d lost silently/);
    assert.match(readFileSync(path.join(out, 'report.md'), 'utf8'), /\| not judged \| \d/);
    const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8'));
    assert.equal(results.run.complete, false);
    const cell = results.cells[0];
    assert.equal(cell.overTime.length, written, 'every whole interval was recovered');
    assert.equal(cell.deliveryFinal, false);
    assert.ok(cell.delivery.delivered > 0);
    assert.ok(cell.exposureHours > 0, 'instances still running when duress died count their time up to the last interval');
    assert.ok(cell.latency.endToEnd.count > 0, 'latency histograms come back from the intervals');
});
test('report on a folder without a journal is bad input (exit 2)', { timeout: 30_000 }, () => {
    const r = spawnSync(process.execPath, [bin, 'report', dir], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no journal at/);
});
//# sourceMappingURL=journal-recovery.test.js.map