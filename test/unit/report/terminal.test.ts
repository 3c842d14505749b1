import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildReportModel } from '../../../src/report/model.js';
import { renderTerminal } from '../../../src/report/renderers/terminal.js';
import { fixtureResults } from '../../fixtures/report-fixture.js';

test('the terminal shows the matrix, per-cell figures, failures and thresholds with measured values', () => {
  const out = renderTerminal(buildReportModel(fixtureResults({ thresholds: ['lost == 0', 'htf_lower{variant=patch,keepalive=on} > 1000h'] })));
  assert.match(out, /^duress: fixture-stability — 4 cells, 160 instances, 100\.00 h of scenario time per cell at speed 3600x/);
  assert.match(out, /│ keepalive=on\s+│ Very stable \(\+4000h, ≥ 1335h at 95%\)\s+│ Crashes \(~80h, ≥ 63h at 95%\)\s+│/);
  assert.match(out, /│ variant=no-patch,keepalive=off │ hangs, loses data\s+│/);
  assert.match(out, /… and 163 more failures in results\.json/);
  assert.match(out, /│ lost == 0\s+│ 37\s+│ == 0\s+│ FAILED: measured 37, needs == 0/);
  assert.match(out, /│ htf_lower\{variant=patch,keepalive=on\} > 1000h │ 1335h\s+│ > 1000h │ passed/);
  assert.match(out, /thresholds: 1 of 2 failed/);
  assert.ok(!out.includes('\u001b['), 'no colour unless asked');
});

test('one cell: the latency, delivery and request detail of the run summary', () => {
  const r = fixtureResults();
  const one = { ...r, cells: [{ ...r.cells[0]!, name: 'default', values: {} }] };
  const out = renderTerminal(buildReportModel(one));
  assert.match(out, /1 cell, 40 instances/);
  assert.match(out, /end to end \(from scheduled generation\)/);
  assert.match(out, /lost \(silently\)\s*│\s*0\s/);
  assert.match(out, /throughput, delivered\s*│\s*400\/s scenario/);
  assert.doesNotMatch(out, /variant=patch/, 'no matrix grid without a matrix');
});
