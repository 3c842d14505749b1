import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { parseScenario, registerRenderer, renderReport, reportFormatNames, ScenarioError, writeReports } from '../../../src/index.js';
import { fixtureResults } from '../../fixtures/report-fixture.js';
const root = mkdtempSync(path.join(tmpdir(), 'duress-renderers-'));
after(() => rmSync(root, { recursive: true, force: true }));
const QUICK = (formats) => `name: q\nduration: 10s\ninstances: 1\nsystem: { kind: forwarder, input: { rate: 10/s } }\nreport: { formats: ${formats} }\n`;
test('a report format is refused when its name or file is taken, malformed or reserved', () => {
    const render = () => '';
    assert.throws(() => registerRenderer({ name: 'markdown', file: 'other.md', description: 'x', render }), /registered already/);
    assert.throws(() => registerRenderer({ name: 'Bad Name', file: 'x.txt', description: 'x', render }), /lowercase letters/);
    assert.throws(() => registerRenderer({ name: 'steal', file: 'report.md', description: 'x', render }), /written by markdown already/);
    assert.throws(() => registerRenderer({ name: 'over', file: 'results.json', description: 'x', render }), /not a file name it may write/);
    assert.throws(() => registerRenderer({ name: 'away', file: '../x', description: 'x', render }), /not a file name it may write/);
    assert.ok(!reportFormatNames().includes('steal'), 'a refused format is not registered');
});
test('a registered format is one a scenario may ask for, and writeReports writes its file', async () => {
    assert.throws(() => parseScenario(QUICK('[cells-csv]')), (e) => e instanceof ScenarioError && /cells-csv/.test(e.message));
    registerRenderer({
        name: 'cells-csv',
        file: 'cells.csv',
        description: 'one line per cell: name, failures',
        render: (model) => ['cell,failures', ...model.cells.map((c) => `${c.name},${c.failureCount}`)].join('\n') + '\n',
    });
    assert.deepEqual(parseScenario(QUICK('[cells-csv, markdown]')).scenario.report.formats, ['cells-csv', 'markdown']);
    assert.ok(parseScenario('name: q\nduration: 10s\nsystem: { kind: forwarder, input: { rate: 10/s } }\n').scenario.report.formats.includes('cells-csv'), 'all registered formats by default');
    const results = fixtureResults();
    const dir = path.join(root, 'run');
    await writeReports(results, dir, { formats: ['cells-csv'] });
    assert.deepEqual(readdirSync(dir).sort(), ['cells.csv', 'results.json']);
    const expected = ['cell,failures', ...results.cells.map((c) => `${c.name},${c.failures.length}`)].join('\n') + '\n';
    assert.equal(readFileSync(path.join(dir, 'cells.csv'), 'utf8'), expected);
    assert.equal(renderReport(results, 'cells-csv'), expected);
});
//# sourceMappingURL=renderer-registry.test.js.map