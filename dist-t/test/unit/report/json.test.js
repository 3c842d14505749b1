import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildReportModel } from '../../../src/report/model.js';
import { renderJson } from '../../../src/report/renderers/index.js';
import { expectedCellText } from '../../fixtures/expected-htf.js';
import { fixtureExpectations, fixtureResults } from '../../fixtures/report-fixture.js';
test('report.json is the model, and reads back as it', () => {
    const model = buildReportModel(fixtureResults({ thresholds: ['lost == 0'] }));
    const text = renderJson(model);
    assert.ok(text.endsWith('}\n'));
    const back = JSON.parse(text);
    assert.deepEqual(back, JSON.parse(JSON.stringify(model)));
    const [first, , , last] = fixtureExpectations();
    assert.equal(back.cells[0].text, expectedCellText('very stable', first.exposureHours, 0));
    assert.equal(back.thresholds[0].measuredText, String(last.lostSilently));
});
//# sourceMappingURL=json.test.js.map