import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
// Compiled to dist/test/cli/: the repository root is three folders up. Needs `npm run build` first.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = path.join(root, 'bin', 'duress.js');
let dir = '';
/** A loopback URL where nothing listens (a port just released). */
let deadUrl = '';
before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'duress-run-toxiproxy-'));
    const s = net.createServer().listen(0, '127.0.0.1');
    await once(s, 'listening');
    deadUrl = `http://127.0.0.1:${s.address().port}`;
    await new Promise((r) => s.close(r));
});
after(() => {
    rmSync(dir, { recursive: true, force: true });
});
function scenarioWith(fault) {
    const file = path.join(dir, `${fault.replace(/\W+/g, '-')}.yaml`);
    writeFileSync(file, `name: t
duration: 5s
instances: 1
system:
  kind: forwarder
  input: { rate: 10/s }
  output: { kind: cloudwatch, logGroup: t }
sink: { kind: cloudwatch }
faults:
  - ${fault}
`);
    return file;
}
function run(file) {
    const r = spawnSync(process.execPath, [bin, 'run', file, '--toxiproxy', deadUrl, '--out', path.join(dir, 'out')], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, NO_COLOR: '1' },
    });
    return { status: r.status, stderr: r.stderr };
}
test('run --toxiproxy refuses a scenario with a silent fault up front, naming it (exit 2)', { timeout: 40_000 }, () => {
    const file = scenarioWith('{ kind: silent, name: gone, at: 1s }');
    const r = run(file);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /faults\[0\] \(gone\) is kind silent, duress's own fault, which the real Toxiproxy server at http:\/\/127\.0\.0\.1:\d+ \(--toxiproxy\) does not have/);
    assert.doesNotMatch(r.stderr, /cannot reach/, 'the scenario must be refused before the server is contacted');
});
test('run --toxiproxy lets a timeout fault through to the server (here: unreachable, exit 2)', { timeout: 40_000 }, () => {
    const r = run(scenarioWith('{ kind: timeout, at: 1s }'));
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /cannot reach the Toxiproxy server/);
    assert.doesNotMatch(r.stderr, /silent/);
});
//# sourceMappingURL=run-toxiproxy.test.js.map