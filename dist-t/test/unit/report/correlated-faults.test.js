import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildResults } from '../../../src/results/build-results.js';
import { forwarderScenario } from '../../helpers/scenario-text.js';
function cellOf(faultStarts) {
    const scenario = forwarderScenario({ instances: '4' });
    const events = [
        { t: 'run-start', format: 'duress-journal/1', duressVersion: 'test', wall: '', file: 't.yaml', scenario, speed: 1, cells: [{ index: 0, name: 'default', values: {}, instances: 4, duration: 2000 }] },
        ...faultStarts.map((f, i) => ({ t: 'fault-start', cell: 0, id: f.id, kind: f.kind, slots: f.slots, at: i * 100, description: f.kind })),
    ];
    return buildResults(events).cells[0];
}
test('an instance fault that hit several instances at once is named as correlated; one at a time, or a network fault on all, is not', () => {
    const cell = cellOf([
        { id: 'kill#1/1', kind: 'kill', slots: [2] },
        { id: 'kill#1/2', kind: 'kill', slots: [0] },
        { id: 'burst/1', kind: 'kill', slots: [0, 3] },
        { id: 'burst/2', kind: 'kill', slots: [1, 2] },
        { id: 'freeze/1', kind: 'pause', slots: [0, 1, 2, 3] },
        { id: 'latency#1/1', kind: 'latency', slots: [0, 1, 2, 3] },
    ]);
    assert.deepEqual(cell.correlatedFaults, ['burst', 'freeze']);
    assert.deepEqual(cellOf([{ id: 'kill#1/1', kind: 'kill', slots: [1] }]).correlatedFaults, []);
});
//# sourceMappingURL=correlated-faults.test.js.map