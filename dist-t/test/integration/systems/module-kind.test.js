import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadScenario, renderReport, runScenario, ScenarioError } from '../../../src/index.js';
/** The fixture, as the test build makes it (dist/test/fixtures/http-output.js). */
const FIXTURE = fileURLToPath(new URL('../../fixtures/http-output.js', import.meta.url));
/** Writes `yaml` as scenario.yaml in a fresh folder (removed after the test) and names the fixture relative to it. */
async function scenarioFile(t, yaml) {
    const dir = await mkdtemp(path.join(tmpdir(), 'duress-module-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'scenario.yaml');
    await writeFile(file, yaml(path.relative(dir, FIXTURE)));
    return { file, dir };
}
const RATE = 100;
const LATENCY_MS = 150;
test('kind: module runs a user\'s HTTP output (plain and over TLS) through a latency toxic and a DNS fault, and every record is accounted for', { timeout: 120_000 }, async (t) => {
    const { file, dir } = await scenarioFile(t, (modulePath) => `name: module-under-faults
duration: 4s
drain: 4s
instances: 2
failures: { hangWindow: 10s }
report: { interval: 1s }
system: { kind: module, path: ${modulePath}, input: { rate: ${RATE}/s }, options: { retry: 100 } }
faults:
  - { kind: latency, name: slow, at: 0s, for: 3s, latency: ${LATENCY_MS}ms, stream: upstream, link: sink }
  - { kind: dns-nxdomain, name: gone, at: 1s, for: 1s }
matrix:
  transport:
    http: {}
    https: { sink: { kind: cloudwatch, tls: true } }
`);
    const loaded = await loadScenario(file);
    assert.equal(loaded.scenario.system.kind, 'module');
    assert.equal(loaded.scenario.system.path, FIXTURE, 'the path is read from the scenario file\'s folder');
    const { results } = await runScenario(loaded, { out: path.join(dir, 'run') });
    assert.deepEqual(results.cells.map((c) => c.name), ['transport=http', 'transport=https']);
    for (const cell of results.cells)
        await t.test(cell.name, () => accountedFor(cell));
});
function accountedFor(cell) {
    const d = cell.delivery;
    assert.deepEqual(cell.failures, [], `no failure: the output retries through both faults; ${JSON.stringify({ delivery: d, requests: cell.requests })}`);
    // About 4 s of records at 100/s from each of 2 instances: a little more, as instances start before the cell's
    // load does (by a few hundred ms at most), a little less when the generator's ticks lag on a loaded machine.
    assert.ok(d.generated >= 2 * RATE * 3 && d.generated <= 2 * RATE * 4.5, `generated ${d.generated}`);
    assert.equal(d.delivered, d.generated, 'every record arrived: the drain was long enough');
    assert.equal(d.lost + d.lostInFailures + d.undrained + d.dropped + d.foreign, 0);
    // The faults acted on the module: lookups failed for a second (retried), and requests waited for the toxic
    // on their way to the sink (upstream), so the first records to arrive arrived late (over TLS, a handshake's
    // round trips through the toxic may leave the first interval with no delivery at all).
    assert.ok((cell.requests.dns_error ?? 0) > 0, `requests: ${JSON.stringify(cell.requests)}`);
    assert.ok((cell.requests.ok ?? 0) > 0);
    const first = cell.overTime.find((p) => p.deliveredPerSecond > 0);
    assert.ok(first && first.at <= 3000 && first.p50 >= LATENCY_MS, `the first records waited for the toxic: ${JSON.stringify(first)}`);
    assert.ok(cell.faults.some((f) => f.id.includes('gone')) && cell.faults.some((f) => f.id.includes('slow')));
    assert.equal(cell.drained, true);
}
const HANG_WINDOW_MS = 1500;
const HANG_AFTER = 200;
const CRASH_AFTER = 300;
test('kind: module: a deliberate hang is a hang after the hang window (not before), a deliberate crash a crash, and every report shows both', { timeout: 120_000 }, async (t) => {
    const { file, dir } = await scenarioFile(t, (modulePath) => `name: module-failures
duration: 5s
drain: 1s
instances: 1
failures: { hangWindow: ${HANG_WINDOW_MS}ms }
report: { interval: 1s, formats: [terminal, markdown, html, json, junit] }
system: { kind: module, path: ${modulePath}, input: { rate: ${RATE}/s } }
matrix:
  failure:
    hang: { system: { options: { hangAfter: ${HANG_AFTER} } } }
    crash: { system: { options: { crashAfter: ${CRASH_AFTER} } } }
    returns: { system: { options: { returnAfter: ${CRASH_AFTER} } } }
    exits: { system: { options: { exitAfter: ${CRASH_AFTER} } } }
`);
    const loaded = await loadScenario(file);
    const { results, report } = await runScenario(loaded, { out: path.join(dir, 'run') });
    const [hangCell, crashCell, returnCell, exitCell] = results.cells;
    assert.ok(hangCell && crashCell && returnCell && exitCell);
    t.diagnostic(JSON.stringify(results.cells.map((c) => c.failures.map((f) => ({ id: f.id, at: f.at, mode: f.mode, evidence: f.evidence })))));
    // The module takes record 200 (scheduled at 2 s) and stops in a request that never ends. Its last delivery
    // came with the batch before (at most a few hundred ms earlier on a loaded machine): the window counts from it.
    const hang = hangCell.failures[0];
    assert.ok(hang, 'the hang was detected');
    assert.equal(hang.mode, 'hang');
    assert.equal(hang.id, 'c0s0g0');
    assert.match(String(hang.evidence.reason), /stuck: a request of the module in flight/);
    const hangStartsAt = (HANG_AFTER / RATE) * 1000;
    assert.ok(hang.at >= hangStartsAt + HANG_WINDOW_MS - 500, `not before the window: declared at ${hang.at} ms`);
    assert.ok(hang.at <= hangStartsAt + HANG_WINDOW_MS + 2000, `within the window and a check: declared at ${hang.at} ms`);
    assert.ok(hangCell.delivery.lostInFailures > 0, 'what the hung module held is lost with it');
    const crash = crashCell.failures[0];
    assert.ok(crash, 'the crash was detected');
    assert.equal(crash.mode, 'crash');
    assert.equal(crash.id, 'c1s0g0');
    assert.match(String(crash.evidence.error), /deliberate crash after \d+ records/);
    assert.ok(crash.at >= (CRASH_AFTER / RATE) * 1000 - 100 && crash.at <= (CRASH_AFTER / RATE) * 1000 + 2000, `crash at ${crash.at} ms`);
    // An output that returns before its records end, or ends its thread, has crashed too.
    const returned = returnCell.failures[0];
    assert.equal(returned?.mode, 'crash');
    assert.equal(returned.id, 'c2s0g0');
    assert.match(String(returned.evidence.error), /the output module returned before its records ended/);
    const exited = exitCell.failures[0];
    assert.equal(exited?.mode, 'crash');
    assert.equal(exited.id, 'c3s0g0');
    assert.equal(exited.evidence.exitCode, 7);
    // A fresh instance took each slot, and neither cell lost a record silently.
    for (const c of results.cells)
        assert.equal(c.delivery.lost, 0, `cell ${c.name}: ${JSON.stringify(c.delivery)}`);
    assert.ok(crashCell.delivery.delivered > CRASH_AFTER - 50);
    const formats = ['terminal', 'markdown', 'html', 'json', 'junit'];
    for (const format of formats) {
        const text = renderReport(report, format);
        for (const [id, mode] of [['c0s0g0', 'hang'], ['c1s0g0', 'crash']]) {
            assert.ok(text.includes(id), `${format} names ${id}`);
            assert.ok(new RegExp(`\\b${mode}\\b`).test(text), `${format} says ${mode}`);
        }
        assert.ok(/deliberate crash/.test(text), `${format} shows the crash's error`);
    }
});
test('kind: module: a missing module, one that does not load, and one without a default function are scenario problems at system.path', { timeout: 60_000 }, async (t) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'duress-module-bad-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await writeFile(path.join(dir, 'broken.mjs'), 'export default async function (context) {\n  return context.\n}\n');
    await writeFile(path.join(dir, 'no-default.mjs'), 'export const output = async () => {};\n');
    await writeFile(path.join(dir, 'missing-import.mjs'), "import 'no-such-package-anywhere';\nexport default async () => {};\n");
    const cases = [
        ['./nope.js', /no module at .*nope\.js \(a relative path is read from the scenario file's folder\)/],
        ['./broken.mjs', /cannot use .*broken\.mjs as an output module: it does not load: .*Unexpected token/],
        ['./no-default.mjs', /its default export is missing; expected the output function/],
        ['./missing-import.mjs', /it does not load: .*no-such-package-anywhere/],
        ['./mine.ts', /mine\.ts is TypeScript: build it to JavaScript first/],
    ];
    await writeFile(path.join(dir, 'mine.ts'), 'export default async () => {};\n');
    for (const [modulePath, message] of cases) {
        const file = path.join(dir, 'scenario.yaml');
        await writeFile(file, `name: bad-module\nduration: 1s\nsystem:\n  kind: module\n  path: ${modulePath}\n  input: { rate: 10/s }\n`);
        await assert.rejects(loadScenario(file), (err) => {
            assert.ok(err instanceof ScenarioError, String(err));
            assert.equal(err.problems.length, 1, JSON.stringify(err.problems));
            const [p] = err.problems;
            assert.equal(p?.line, 5, 'the problem points at the path line');
            assert.equal(p?.path, 'system.path');
            assert.match(p?.message ?? '', message);
            return true;
        });
    }
});
test("kind: module: the README's example module runs as written and delivers every record", { timeout: 60_000 }, async (t) => {
    const readme = await readFile(fileURLToPath(new URL('../../../../README.md', import.meta.url)), 'utf8');
    const section = readme.slice(readme.indexOf('### Your own output module'));
    const example = /```js\n([\s\S]*?)```/.exec(section)?.[1];
    assert.ok(example?.includes('export default async function output'), 'the README has the example module');
    const dir = await mkdtemp(path.join(tmpdir(), 'duress-module-readme-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await writeFile(path.join(dir, 'my-output.mjs'), example ?? '');
    const file = path.join(dir, 'scenario.yaml');
    await writeFile(file, `name: readme-module\nduration: 2s\ndrain: 3s\ninstances: 1\nsystem: { kind: module, path: ./my-output.mjs, input: { rate: 50/s } }\nfaults:\n  - { kind: latency, at: 0s, for: 1s, latency: 100ms }\n`);
    const { results } = await runScenario(await loadScenario(file));
    const cell = results.cells[0];
    assert.deepEqual(cell.failures, []);
    assert.ok(cell.delivery.generated >= 50, JSON.stringify(cell.delivery));
    assert.equal(cell.delivery.delivered, cell.delivery.generated);
    assert.equal(cell.delivery.lost, 0);
});
//# sourceMappingURL=module-kind.test.js.map