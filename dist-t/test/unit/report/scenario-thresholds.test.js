import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ScenarioError } from '../../../src/core/errors.js';
import { parseScenario } from '../../../src/scenario/load.js';
const BASE = `name: t
duration: 2s
system:
  kind: forwarder
  input: { rate: 10/s }
`;
function problems(text) {
    try {
        parseScenario(text, 't.yaml');
    }
    catch (err) {
        if (err instanceof ScenarioError)
            return err.problems.map(({ line, column, path, message }) => ({ line, column, path, message }));
        throw err;
    }
    return [];
}
test('thresholds are parsed when the scenario loads: a bad one is a problem at its line and column', () => {
    const found = problems(`${BASE}thresholds:\n  - lost == 0\n  - "p99 << 2s"\n  - htf_lowr{variant=patch} > 100h\n  - 'p(99) < 2s'\n`);
    assert.deepEqual(found, [
        { line: 8, column: 11, path: 'thresholds[1]', message: 'threshold "p99 << 2s": expected a value after "<" at column 6' },
        { line: 9, column: 5, path: 'thresholds[2]', message: 'threshold "htf_lowr{variant=patch} > 100h": unknown metric "htf_lowr" (did you mean "htf_lower"?) at column 1' },
        { line: 10, column: 6, path: 'thresholds[3]', message: 'threshold "p(99) < 2s": write p99, not p(99) at column 1' },
    ]);
});
test('valid thresholds load as written, and the default report formats are all of them', () => {
    const s = parseScenario(`${BASE}thresholds: ["htf_lower{variant=patch} > 100h", "p99 < 2s", "lost == 0"]\n`, 't.yaml');
    assert.deepEqual(s.thresholds, ['htf_lower{variant=patch} > 100h', 'p99 < 2s', 'lost == 0']);
    assert.deepEqual(s.report.formats, ['terminal', 'json', 'markdown', 'html', 'junit']);
});
//# sourceMappingURL=scenario-thresholds.test.js.map