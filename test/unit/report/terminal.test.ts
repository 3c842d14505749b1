import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildReportModel } from '../../../src/report/model.js';
import { renderTerminal } from '../../../src/report/renderers/terminal.js';
import { expectedHtf, wholeHours } from '../../fixtures/expected-htf.js';
import { fixtureCellTexts, fixtureExpectations, fixtureResults } from '../../fixtures/report-fixture.js';

const [patchOn, patchOff, noPatchOn, noPatchOff] = fixtureExpectations();
const TEXT = fixtureCellTexts();
const re = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('the terminal shows the matrix, per-cell figures, failures and thresholds with measured values', () => {
  const out = renderTerminal(buildReportModel(fixtureResults({ thresholds: ['lost == 0', 'htf_lower{variant=patch,keepalive=on} > 1000h'] })));
  assert.match(out, /^duress: fixture-stability — 4 cells, 160 instances, 100\.00 h of scenario time per cell at speed 3600x/);
  assert.match(out, new RegExp(`│ keepalive=on\\s+│ ${re(TEXT.patchOn)}\\s+│ ${re(TEXT.noPatchOn)}\\s+│`));
  assert.match(out, /│ variant=no-patch,keepalive=off │ hangs, loses data\s+│/);
  const failures = patchOn!.failures + patchOff!.failures + noPatchOn!.failures + noPatchOff!.failures;
  assert.match(out, new RegExp(`… and ${failures - 12} more failures in results\\.json`), 'twelve listed, the rest counted');
  const lost = noPatchOff!.lostSilently;
  assert.match(out, new RegExp(`│ lost == 0\\s+│ ${lost}\\s+│ == 0\\s+│ FAILED: measured ${lost}, needs == 0`));
  const lower = wholeHours(expectedHtf(patchOn!.exposureHours, 0).lower);
  assert.match(out, new RegExp(`│ htf_lower\\{variant=patch,keepalive=on\\} > 1000h │ ${lower}\\s+│ > 1000h │ passed`));
  assert.match(out, /thresholds: 1 of 2 failed/);
  assert.ok(!out.includes('\u001b['), 'no colour unless asked');
});

test('one cell: the latency, delivery and request detail of the run summary', () => {
  const r = fixtureResults();
  const one = { ...r, cells: [{ ...r.cells[0]!, name: 'default', values: {} }] };
  const out = renderTerminal(buildReportModel(one));
  assert.match(out, /1 cell, 40 instances/);
  assert.match(out, /end to end \(from scheduled generation\)/);
  assert.match(out, /lost silently\s*│\s*0\s/);
  assert.match(out, /throughput, delivered \(load and drain\)\s*│\s*400\/s scenario/);
  assert.doesNotMatch(out, /variant=patch/, 'no matrix grid without a matrix');
});
