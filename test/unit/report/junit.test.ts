import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'junit2json';
import { buildReportModel } from '../../../src/report/model.js';
import { escapeXml, renderJunit } from '../../../src/report/renderers/junit.js';
import { fixtureResults } from '../../fixtures/report-fixture.js';

test('a JUnit parser reads a test case per cell and per threshold, with the right failures', async () => {
  const model = buildReportModel(fixtureResults({ thresholds: ['lost == 0', 'htf_lower{variant=patch,keepalive=on} > 1000h', 'p99{variant=patch} < 1ms'] }));
  const xml = renderJunit(model);
  assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /);
  const parsed = await parse(xml);
  assert.ok(parsed && 'testsuite' in parsed);
  assert.equal(parsed.tests, 7);
  assert.equal(parsed.failures, 3 + 2, 'three failed cells (r > 0 or silent loss), two failed thresholds');
  const [cells, thresholds] = parsed.testsuite!;
  assert.equal(cells!.tests, 4);
  assert.equal(cells!.failures, 3);
  assert.deepEqual(
    cells!.testcase!.map((c) => [c.name, c.failure?.[0]?.type]),
    [
      ['variant=patch,keepalive=on', undefined],
      ['variant=patch,keepalive=off', 'crash'],
      ['variant=no-patch,keepalive=on', 'crash'],
      ['variant=no-patch,keepalive=off', 'hang'],
    ],
  );
  assert.match(cells!.testcase![3]!.failure![0]!.message!, /^hangs, loses data: Hangs, loses data \(~33h, ≥ 28h at 95%\)/);
  assert.match(cells!.testcase![3]!.failure![0]!.inner!, /37 lost silently/);
  assert.equal(thresholds!.tests, 3);
  assert.equal(thresholds!.failures, 2);
  assert.deepEqual(
    thresholds!.testcase!.map((c) => [c.name, c.failure?.[0]?.message]),
    [
      ['lost == 0', 'measured 37, needs == 0'],
      ['htf_lower{variant=patch,keepalive=on} > 1000h', undefined],
      ['p99{variant=patch} < 1ms', 'measured 2.666s, needs < 1ms'],
    ],
  );
  assert.match(thresholds!.testcase![1]!['system-out']![0]!, /measured 1335h, needs > 1000h/);
});

test('evidence with markup and control characters stays well-formed XML', async () => {
  const r = fixtureResults();
  r.cells[2]!.failures[0]!.evidence = { error: 'bad <tag attr="x"> & \u0001 \u001b[31m ]]> done' };
  const xml = renderJunit(buildReportModel(r));
  const parsed = await parse(xml);
  assert.ok(parsed && 'testsuite' in parsed);
  const inner = parsed.testsuite![0]!.testcase![2]!.failure![0]!.inner!;
  assert.match(inner, /bad <tag attr="x"> & \uFFFD \uFFFD\[31m \]\]> done/);
  assert.equal(escapeXml(`<a b='c'>&`), '&lt;a b=&apos;c&apos;&gt;&amp;');
});

test('without thresholds there is only the matrix suite; a cell that did not run is skipped', async () => {
  const r = fixtureResults();
  r.cells[0] = { ...r.cells[0]!, exposureHours: 0, failures: [] };
  const parsed = await parse(renderJunit(buildReportModel(r)));
  assert.ok(parsed && 'testsuite' in parsed);
  assert.equal(parsed.testsuite!.length, 1);
  assert.equal(parsed.testsuite![0]!.skipped, 1);
  assert.ok(parsed.testsuite![0]!.testcase![0]!.skipped);
});
