import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { checkScenario, compareRuns, ExitCode, formatProblem, InputError, loadScenario, parseScenario, readResults, renderComparison, renderReport, runScenario, ScenarioError, startCloudWatchSink, startFaultProxy, } from '../../../src/index.js';
/** The public API (src/index.ts) used as a user would, in-process; test/cli/package.test.ts uses it from the packed tarball. */
const root = mkdtempSync(path.join(tmpdir(), 'duress-api-'));
after(() => rmSync(root, { recursive: true, force: true }));
/** A one-instance forwarder scenario at real speed, with a two-cell matrix. */
const SCENARIO = `name: api-test
seed: 7
duration: 30s
instances: 1
drain: 10s
system:
  kind: forwarder
  input: { rate: 200/s, recordSize: 120B }
  flush: 200ms
sink:
  kind: cloudwatch
  streamRate: 0/s
report:
  interval: 1s
  formats: [markdown, junit, terminal]
matrix:
  keepalive:
    on: { system: { net: { keepalive: true } } }
    off: { system: { net: { keepalive: false } } }
`;
test('api: checkScenario returns every problem with its line instead of throwing; loadScenario throws them as a ScenarioError', async () => {
    const lines = SCENARIO.split('\n');
    const flush = lines.findIndex((l) => l.includes('flush:'));
    lines[flush] = '  flsh: 200ms';
    const rate = lines.findIndex((l) => l.includes('input:'));
    lines[rate] = '  input: { rate: fast, recordSize: 120B }';
    const file = path.join(root, 'broken.yaml');
    writeFileSync(file, lines.join('\n'));
    const check = await checkScenario({ file });
    assert.equal(check.ok, false);
    const places = check.problems.map((p) => [p.file, p.line, p.path]).sort((a, b) => Number(a[1]) - Number(b[1]));
    assert.deepEqual(places, [
        [file, rate + 1, 'system.input.rate'],
        [file, flush + 1, 'system.flsh'],
    ]);
    assert.match(formatProblem(check.problems.find((p) => p.path === 'system.flsh')), new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${flush + 1}:\\d+ system.flsh: unknown key "flsh"; did you mean "flush"\\?`));
    await assert.rejects(loadScenario(file), (err) => err instanceof ScenarioError && err.problems.length === 2 && err.exitCode === ExitCode.badInput);
    const missing = await checkScenario({ file: path.join(root, 'nothing.yaml') });
    assert.equal(missing.ok, false);
    assert.match(missing.problems[0]?.message ?? '', /cannot read scenario file .*nothing\.yaml: no such file/);
    const text = await checkScenario({ text: 'name: x\nduration: soon\n' }, { name: 'inline.yaml' });
    assert.deepEqual(text.problems.filter((p) => p.path === 'duration').map((p) => [p.file, p.line]), [['inline.yaml', 2]]);
});
test('api: parseScenario applies `set` and `only` as --set and --only do', () => {
    const all = parseScenario(SCENARIO);
    assert.deepEqual(all.cells.map((c) => c.name), ['keepalive=on', 'keepalive=off']);
    const one = parseScenario(SCENARIO, { set: { duration: '2s', instances: 2, 'system.input': { rate: '50/s' } }, only: { keepalive: 'off' } });
    assert.deepEqual(one.cells.map((c) => c.name), ['keepalive=off']);
    assert.equal(one.scenario.duration, 2000);
    assert.equal(one.scenario.instances, 2);
    // A forwarder's fields are its kind's (src/systems/forwarder/config.ts); the scenario types `system` generically.
    const system = one.cells[0]?.scenario.system;
    assert.ok(system?.kind === 'forwarder');
    assert.equal(system.input.rate, 50);
    assert.equal(system.net.keepalive, false);
    assert.throws(() => parseScenario(SCENARIO, { set: { duration: 'soon' } }), ScenarioError);
});
test('api: runScenario reports progress, stops on its signal, and writes the run folder; readResults, renderReport and compareRuns read it back', async () => {
    const loaded = parseScenario(SCENARIO, { name: 'api-test.yaml', only: { keepalive: 'on' } });
    const out = path.join(root, 'runs', 'first');
    const stop = new AbortController();
    const progress = [];
    let terminal = '';
    const outcome = await runScenario(loaded, {
        out,
        signal: stop.signal,
        reports: { terminal: { write: (t) => (terminal += t) } },
        onProgress: (p) => {
            progress.push(p);
            // Stopped once records are delivered: the 30 s scenario ends early.
            if ((p.cells[0]?.delivered ?? 0) > 0)
                stop.abort('SIGINT');
        },
    });
    assert.ok(progress.some((p) => p.cells[0]?.phase === 'load'));
    assert.equal(outcome.exitCode, ExitCode.interrupted);
    assert.equal(outcome.results.run.interrupted, 'SIGINT');
    assert.ok(outcome.results.cells[0].scenarioMs < 30_000);
    assert.equal(outcome.dir, out);
    assert.deepEqual(readdirSync(out).sort(), ['journal.jsonl', 'junit.xml', 'report.md', 'results.json']);
    assert.match(terminal, /^duress: api-test/);
    assert.equal(readFileSync(path.join(out, 'report.md'), 'utf8'), renderReport(outcome.results, 'markdown'));
    const read = readResults(out);
    assert.deepEqual(read, JSON.parse(JSON.stringify(outcome.results)));
    assert.equal(renderReport(read, 'junit'), renderReport(outcome.report, 'junit'));
    assert.throws(() => renderReport(read, 'pdf'), (err) => err instanceof InputError && /expected one of terminal, json, markdown, html, junit/.test(err.message));
    const comparison = compareRuns(read, { results: read, cells: { keepalive: 'on' }, label: 'same' });
    assert.equal(comparison.candidate.label, 'same');
    assert.equal(comparison.significant, false, 'a run compared with itself shows no difference');
    assert.match(renderComparison(comparison, 'markdown'), /same/);
    assert.throws(() => compareRuns(read, { results: read, cells: { keepalive: 'off' } }), InputError);
});
test('api: without `out`, runScenario writes nothing and leaves no temporary folder', async () => {
    const before = new Set(readdirSync(tmpdir()).filter((f) => f.startsWith('duress-run-')));
    const loaded = parseScenario(SCENARIO, { only: { keepalive: 'off' }, set: { duration: '1s' } });
    const outcome = await runScenario(loaded);
    assert.equal(outcome.dir, undefined);
    assert.equal(outcome.exitCode, ExitCode.ok);
    const cell = outcome.results.cells[0];
    assert.ok(cell.delivery.generated > 0);
    assert.equal(cell.delivery.delivered, cell.delivery.generated);
    const left = readdirSync(tmpdir()).filter((f) => f.startsWith('duress-run-') && !before.has(f));
    assert.deepEqual(left, []);
});
test('api: startFaultProxy serves the Toxiproxy API and proxies real connections until stopped', async () => {
    const echo = createServer((s) => s.pipe(s));
    await new Promise((resolve) => echo.listen(0, '127.0.0.1', resolve));
    const upstream = `127.0.0.1:${echo.address().port}`;
    const proxy = await startFaultProxy({ seed: 1, proxies: [{ name: 'echo', listen: '127.0.0.1:0', upstream }] });
    try {
        const listed = (await (await fetch(`${proxy.url}/proxies`)).json());
        assert.equal(listed.echo?.upstream, upstream);
        const [host, port] = [listed.echo.listen.slice(0, listed.echo.listen.lastIndexOf(':')), Number(listed.echo.listen.split(':').pop())];
        const answer = await new Promise((resolve, reject) => {
            const socket = connect(port, host, () => socket.write('ping'));
            socket.setTimeout(10_000, () => reject(new Error('no echo through the proxy')));
            socket.once('data', (d) => {
                resolve(d.toString());
                socket.destroy();
            });
            socket.on('error', reject);
        });
        assert.equal(answer, 'ping');
    }
    finally {
        await proxy.stop();
        echo.close();
    }
    await assert.rejects(fetch(`${proxy.url}/version`));
    await assert.rejects(startFaultProxy({ proxies: [{ name: 'bad', upstream: '' }] }), InputError);
});
test('api: startCloudWatchSink answers the CloudWatch Logs API until stopped', async () => {
    const caFile = path.join(root, 'ca.pem');
    const plain = await startCloudWatchSink();
    try {
        const put = (op, body) => fetch(plain.url, { method: 'POST', headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `Logs_20140328.${op}` }, body: JSON.stringify(body) });
        assert.equal((await put('CreateLogGroup', { logGroupName: 'g' })).status, 200);
        assert.equal((await put('CreateLogStream', { logGroupName: 'g', logStreamName: 's' })).status, 200);
        const stored = await put('PutLogEvents', { logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: Date.now(), message: 'hello' }] });
        assert.equal(stored.status, 200);
        assert.equal(plain.sink.counters.eventsStored, 1);
        assert.equal((await put('CreateLogGroup', { logGroupName: 'g' })).status, 400, 'a second create of the group is refused, as by the service');
    }
    finally {
        await plain.stop();
    }
    await assert.rejects(fetch(plain.url));
    const tls = await startCloudWatchSink({ tls: true, caFile });
    try {
        assert.match(tls.url, /^https:/);
        assert.equal(readFileSync(caFile, 'utf8'), tls.ca);
        assert.ok(existsSync(caFile));
    }
    finally {
        await tls.stop();
    }
});
//# sourceMappingURL=api.test.js.map