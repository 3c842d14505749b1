import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHistogram, encodeHistogram } from '../../../src/metrics/histogram.js';
import { buildResults } from '../../../src/results/build-results.js';
import { parseScenario } from '../../../src/scenario/load.js';
import { forwarderKind } from '../../../src/systems/forwarder/kind.js';
const NONE = { generated: 0, delivered: 0, duplicated: 0, duplicateCopies: 0, reordered: 0, dropped: 0, droppedButDelivered: 0, undrained: 0, lostInFailures: 0, lost: 0, foreign: 0 };
/**
 * One cell, two intervals of cumulative request outcomes. `succeeded`: what its cell-start says counts as
 * succeeded (undefined: a journal written before kinds declared it).
 */
function journal(succeeded, requests) {
    const scenario = parseScenario('name: t\nduration: 20s\nsystem: { kind: broker, rate: 10/s }\n', 't.yaml');
    const cells = [{ index: 0, name: 'default', values: {}, instances: 1, duration: 20_000 }];
    const empty = encodeHistogram(createHistogram());
    const interval = (at, r) => ({
        t: 'interval', cell: 0, at, wallMs: at, delivery: NONE, exposureMs: at, failures: 0, endToEnd: empty, request: empty, requests: r, rss: 0, maxInstanceMemory: 0,
    });
    return [
        { t: 'run-start', format: 'duress-journal/1', duressVersion: 't', wall: '', file: 't.yaml', scenario, speed: 1, cells },
        succeeded === undefined ? { t: 'cell-start', cell: 0, wall: '' } : { t: 'cell-start', cell: 0, wall: '', succeededRequests: succeeded },
        interval(10_000, requests[0]),
        interval(20_000, requests[1]),
    ];
}
test('failed requests over time are those outside the outcomes the cell\'s kind counts as succeeded', () => {
    // Second interval: 10 + 4 + 3 + 3 = 20 more requests, of which ok 10 and `again` 4 succeeded: 6 failed.
    const r = buildResults(journal(['ok', 'again'], [{ ok: 5, throttled: 1 }, { ok: 15, again: 4, throttled: 4, invalid: 3 }]));
    assert.deepEqual(r.cells[0].overTime.map((p) => [p.requests, p.requestsFailed]), [[6, 1], [20, 6]]);
    // With `ok` alone, `again` fails too.
    const strict = buildResults(journal(['ok'], [{ ok: 5, throttled: 1 }, { ok: 15, again: 4, throttled: 4, invalid: 3 }]));
    assert.deepEqual(strict.cells[0].overTime.map((p) => p.requestsFailed), [1, 10]);
});
test('a journal that does not say counts the forwarder\'s successes, as duress did when it wrote it', () => {
    const requests = [{ ok: 2 }, { ok: 4, data_already_accepted: 1, resource_already_exists: 1, throttled: 2 }];
    const old = buildResults(journal(undefined, requests));
    assert.deepEqual(old.cells[0].overTime.map((p) => p.requestsFailed), [0, 2]);
    assert.deepEqual(buildResults(journal(forwarderKind.report.succeededRequests, requests)).cells[0].overTime, old.cells[0].overTime);
});
//# sourceMappingURL=succeeded-requests.test.js.map