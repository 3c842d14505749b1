import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { waitFor } from '../helpers/wait.js';
const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = path.join(root, 'bin', 'duress.js');
const quickstart = path.join(root, 'scenarios', 'quickstart.yaml');
const dir = mkdtempSync(path.join(tmpdir(), 'duress-signals-'));
after(() => rmSync(dir, { recursive: true, force: true }));
/** The shell's convention for a process ended by a signal: 128 + the signal's number (SIGINT 2, SIGTERM 15). */
const SIGNAL_NUMBER = { SIGINT: 2, SIGTERM: 15 };
const hasInterval = (journal) => existsSync(journal) && readFileSync(journal, 'utf8').includes('{"t":"interval"');
for (const signal of ['SIGINT', 'SIGTERM']) {
    test(`${signal} stops a run, which still writes results and reports, and exits ${128 + SIGNAL_NUMBER[signal]}`, { timeout: 120_000 }, async () => {
        const out = path.join(dir, signal);
        const journal = path.join(out, 'journal.jsonl');
        const child = spawn(process.execPath, [bin, 'run', quickstart, '--duration', '10m', '--instances', '1', '--set', 'report.interval=1s', '--out', out], {
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
        child.stdout.resume();
        let exited = false;
        child.once('exit', () => (exited = true));
        // Running for real: the journal holds a whole metrics interval.
        await waitFor(() => hasInterval(journal) || exited, 90_000, 'the first interval in the journal');
        assert.equal(exited, false, `duress ended before it was signalled: ${stderr}`);
        child.kill(signal);
        const [code] = (await once(child, 'exit'));
        assert.equal(code, 128 + SIGNAL_NUMBER[signal], stderr);
        const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8'));
        assert.equal(results.run.interrupted, signal);
        assert.equal(results.run.complete, true, 'the journal was closed properly');
        assert.ok(results.cells[0].delivery.generated > 0);
        for (const report of ['report.md', 'report.html', 'report.json', 'junit.xml'])
            assert.ok(existsSync(path.join(out, report)), `${report} written`);
        // Rebuilt later, the run is still one that did not finish: exit 4, reports written again.
        rmSync(path.join(out, 'report.md'));
        const again = spawnSync(process.execPath, [bin, 'report', out], { encoding: 'utf8', timeout: 60_000 });
        assert.equal(again.status, 4, again.stderr);
        assert.ok(existsSync(path.join(out, 'report.md')));
    });
}
//# sourceMappingURL=signals.test.js.map