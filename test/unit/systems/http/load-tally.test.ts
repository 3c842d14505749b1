import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHistogram, decodeHistogram } from '../../../../src/metrics/histogram.js';
import { LoadTally, mergeLoadParts } from '../../../../src/systems/http/load-tally.js';

test("merging threads' parts gives the union: summed counts and the histogram of every value recorded", () => {
  const union = createHistogram();
  const parts = [0, 1, 2].map((w) => {
    const t = new LoadTally('open');
    // Each thread sees a different range of latencies, so a lossy merge would show in the tail.
    for (let i = 0; i < 1000 * (w + 1); i++) {
      const us = 100 + ((i * 7919) % (50_000 * (w + 1)));
      t.uncorrected.recordValue(us);
      t.corrected?.recordValue(us * 3);
      t.sendLateness?.recordValue(us);
      union.recordValue(us);
      t.sent++;
      t.due++;
      t.responses++;
      t.status(i % 10 === 0 ? 503 : 200);
    }
    t.error('ECONNRESET', w);
    t.shortfall = w * 5;
    t.bytesReceived = 1000 * (w + 1);
    return t.part(10 + w, 1000 + w * 100);
  });
  const merged = mergeLoadParts(parts);
  assert.equal(merged.sent, 6000);
  assert.equal(merged.due, 6000);
  assert.equal(merged.shortfall, 15);
  assert.equal(merged.bytesReceived, 6000);
  assert.deepEqual(merged.statuses, { '200': 5400, '503': 600 });
  assert.deepEqual(merged.errors, { ECONNRESET: 3 });
  assert.equal(merged.elapsedMs, 1200 - 10);
  const h = decodeHistogram(merged.uncorrected);
  assert.equal(h.totalCount, union.totalCount);
  for (const q of [50, 90, 99, 99.9, 100]) assert.equal(h.getValueAtPercentile(q), union.getValueAtPercentile(q), `p${q}`);
  assert.equal(decodeHistogram(merged.corrected as string).totalCount, 6000);
  const late = decodeHistogram(merged.sendLateness as string);
  for (const q of [50, 99, 100]) assert.equal(late.getValueAtPercentile(q), union.getValueAtPercentile(q), `sent late p${q}`);
});
