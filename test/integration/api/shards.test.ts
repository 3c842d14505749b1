import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadScenario } from '../../../src/api/scenario.js';
import { runScenario, type RunOutcome } from '../../../src/api/run.js';
import { mergeShards, type MergeOutcome } from '../../../src/api/merge.js';
import { deriveSeed } from '../../../src/core/random.js';
import { VERSION } from '../../../src/core/version.js';
import { buildTimeline } from '../../../src/faults/timeline.js';
import { createHistogram, decodeHistogram, forEachRecordedMs, type Histogram } from '../../../src/metrics/histogram.js';
import type { DeliveryCounts } from '../../../src/delivery/ledger.js';
import type { RunResults } from '../../../src/results/results.js';
import { duressInProcess, type CliOutcome } from '../../helpers/cli-in-process.js';

/**
 * One scenario run whole and as 4 shards side by side (as 5 machines would), then the shards merged. A
 * 2-cell matrix of 2 instances each: 4 slots, so each shard runs one slot of one cell and has no slot of
 * the other. Two kills on a seeded timeline hit slots 0 and 1 of every cell, so the whole run and the
 * shards fail the same instances at the same scenario times; what may differ between them is timing (wall
 * time, records generated and delivered, latency values), so those are compared as sums over the shards,
 * never against the whole run.
 */
const SCENARIO = (duration: string): string => `
name: shards-test
seed: 11
duration: ${duration}
instances: 2
drain: 2s
system:
  kind: forwarder
  input: { rate: 100/s, recordSize: 200B }
  flush: 250ms
  scheduler: { kind: sync-minimal, base: 100ms, cap: 1s, retryLimit: 5 }
  output: { kind: cloudwatch, logGroup: duress-shards }
  net: { stack: async, keepalive: true, keepaliveIdleTimeout: 4s, connectTimeout: 5s }
sink: { kind: cloudwatch, streamRate: 0/s, idleTimeout: 6s }
matrix:
  variant:
    a: {}
    b: { system: { flush: 100ms } }
faults:
  - { kind: kill, at: 2s, instances: 1 }
  - { kind: kill, at: 3s, instances: 1 }
thresholds:
  - "failures{variant=a} == 2"
  - "failures{variant=b} == 2"
report:
  interval: 1s
`;

const SHARDS = 4;
let dir: string;
let whole: RunOutcome;
let shards: RunOutcome[];
let merged: MergeOutcome;
const shardDir = (i: number): string => path.join(dir, `shard-${i}`);

const cli = (args: string[]): Promise<CliOutcome> => duressInProcess(args, dir);

function sumCounts(all: readonly DeliveryCounts[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const c of all) for (const [k, v] of Object.entries(c)) total[k] = (total[k] ?? 0) + v;
  return total;
}

/** Every recorded value and its count: two histograms are equal when these are. */
function recorded(h: Histogram): [number, number][] {
  const values: [number, number][] = [];
  forEachRecordedMs(h, (ms, count) => values.push([ms, count]));
  return values;
}

const cellOf = (r: RunResults, index: number): RunResults['cells'][number] => r.cells.find((c) => c.index === index)!;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'duress-shards-'));
  const file = path.join(dir, 'scenario.yaml');
  const other = path.join(dir, 'other.yaml');
  writeFileSync(file, SCENARIO('4s'));
  writeFileSync(other, SCENARIO('2s'));
  const loaded = await loadScenario(file);
  const loadedOther = await loadScenario(other);
  // The precondition that makes failures comparable: the kills hit two different slots, so no kill can
  // land on a slot while its instance is being replaced.
  const s = loaded.scenario;
  const timeline = buildTimeline(s.faults, { seed: deriveSeed(s.seed, 'timeline'), duration: s.duration, instances: s.instances });
  assert.deepEqual(timeline.map((o) => o.instances), [[0], [1]], 'seed 11 sends the two kills to slots 0 and 1');
  // Five machines at once: the whole run, its 4 shards, and one shard of another scenario (for the refusal).
  const runs = await Promise.all([
    runScenario(loaded, { out: path.join(dir, 'whole') }),
    ...Array.from({ length: SHARDS }, (_, i) => runScenario(loaded, { out: shardDir(i + 1), shard: { index: i + 1, count: SHARDS } })),
    runScenario(loadedOther, { out: path.join(dir, 'other-shard-1'), shard: { index: 1, count: SHARDS } }),
  ]);
  whole = runs[0]!;
  shards = runs.slice(1, 1 + SHARDS);
  merged = await mergeShards(
    Array.from({ length: SHARDS }, (_, i) => `shard-${i + 1}`),
    { out: 'merged', cwd: dir },
  );
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('a scenario run whole and as 4 shards', { timeout: 120_000 }, () => {
  test('each shard runs its dealt slots, records its shard, the scenario hash and the version, and judges no threshold', () => {
    // Slots dealt round robin, slot by slot across the cells: (cell 0, slot 0) → shard 1, (1, 0) → 2, (0, 1) → 3, (1, 1) → 4.
    const expected = [
      [[0], []],
      [[], [0]],
      [[1], []],
      [[], [1]],
    ];
    shards.forEach((s, i) => {
      assert.deepEqual(s.results.cells.map((c) => c.slots), expected[i], `shard ${i + 1}'s slots`);
      assert.deepEqual(s.results.run.shards?.included, [i + 1]);
      assert.equal(s.results.run.shards?.count, SHARDS);
      assert.equal(s.results.scenario.hash, whole.results.scenario.hash);
      assert.equal(s.results.duressVersion, VERSION);
      // A shard with one failure in a cell would fail `failures{…} == 2` if its thresholds were judged.
      assert.deepEqual(s.report.thresholds, []);
      assert.equal(s.exitCode, 0, `shard ${i + 1} ended with ${s.exitCode}`);
      assert.match(s.report.run.notes.join('\n'), new RegExp(`shard ${i + 1} of 4: these figures are this shard's share`));
    });
    assert.match(whole.results.scenario.hash ?? '', /^[0-9a-f]{64}$/);
    assert.equal(whole.results.run.shards, undefined);
  });

  test('merged delivery counts, failures and exposure are the sums of the shards\'', () => {
    for (const cell of merged.results.cells) {
      const parts = shards.map((s) => cellOf(s.results, cell.index));
      assert.deepEqual(sumCounts([cell.delivery]), sumCounts(parts.map((p) => p.delivery)), `${cell.name} delivery`);
      assert.equal(cell.failures.length, parts.reduce((n, p) => n + p.failures.length, 0), `${cell.name} failures`);
      const exposure = parts.reduce((t, p) => t + p.exposureHours, 0);
      assert.ok(Math.abs(cell.exposureHours - exposure) < 1e-12, `${cell.name} exposure ${cell.exposureHours} h, shards ${exposure} h`);
      assert.ok(cell.delivery.generated > 0, `${cell.name} generated records`);
      assert.equal(cell.instances, 2);
      assert.ok(cell.deliveryFinal, `${cell.name}: every shard ended it`);
    }
    assert.deepEqual(merged.results.run.shards?.included, [1, 2, 3, 4]);
    assert.deepEqual(merged.missing, []);
    assert.equal(merged.results.run.complete, true);
  });

  test('merged histograms are the union of the shards\' histograms', () => {
    for (const cell of merged.results.cells) {
      for (const key of ['endToEnd', 'request'] as const) {
        const union = createHistogram();
        for (const s of shards) union.add(decodeHistogram(cellOf(s.results, cell.index).latency[key].histogram));
        const got = decodeHistogram(cell.latency[key].histogram);
        assert.equal(got.totalCount, union.totalCount, `${cell.name} ${key} count`);
        assert.deepEqual(recorded(got), recorded(union), `${cell.name} ${key} values`);
      }
    }
    // Something to compare: values were recorded (how many depends on this machine's load, not on sharding;
    // on a crushed machine the requests that ended may be the only ones).
    const values = merged.results.cells.reduce((n, c) => n + c.latency.endToEnd.count + c.latency.request.count, 0);
    assert.ok(values > 0, `latency recorded: ${JSON.stringify(merged.results.cells.map((c) => c.requests))}`);
  });

  test('the merged run faces the whole run\'s faults, fails the same instances and gets the same verdicts and exit code', () => {
    for (const cell of whole.results.cells) {
      const m = cellOf(merged.results, cell.index);
      assert.deepEqual(m.faults.map((f) => [f.id, f.slots]), cell.faults.map((f) => [f.id, f.slots]), `${cell.name} fault timeline`);
      const failed = (c: typeof cell): string[] => c.failures.map((f) => `${f.id} ${f.mode} ${String(f.evidence.reason)}`).sort();
      assert.deepEqual(failed(m), failed(cell), `${cell.name} failures`);
      assert.equal(cell.failures.length, 2, `${cell.name}: both kills landed in the whole run`);
    }
    const verdicts = (o: { report: RunOutcome['report'] }): string[] => o.report.cells.map((c) => `${c.name}: ${c.verdict.kind}`);
    assert.deepEqual(verdicts(merged), verdicts(whole));
    assert.deepEqual(verdicts(whole), ['variant=a: crashes', 'variant=b: crashes']);
    assert.deepEqual(merged.report.thresholds.map((t) => t.passed), whole.report.thresholds.map((t) => t.passed));
    assert.equal(merged.exitCode, whole.exitCode);
    assert.equal(whole.exitCode, 0);
    // The merged folder is a run folder: its journal rebuilds the same results.
    for (const f of ['journal.jsonl', 'results.json', 'report.md', 'report.html', 'report.json', 'junit.xml']) assert.ok(existsSync(path.join(dir, 'merged', f)), f);
    assert.match(readFileSync(path.join(dir, 'merged', 'report.md'), 'utf8'), /merged from 4 of 4 shards/);
  });
});

describe('duress merge refuses what is not one whole run', () => {
  const refused = async (args: string[], says: RegExp): Promise<void> => {
    const out = path.join(dir, 'refused');
    const r = await cli(['merge', ...args, '--out', 'refused']);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, `one line: ${r.stderr}`);
    assert.match(r.stderr, says);
    assert.equal(r.stdout, '');
    assert.ok(!existsSync(out), 'nothing written');
  };

  test('shards of different scenarios', () => refused(['shard-1', 'shard-2', 'shard-3', 'shard-4', 'other-shard-1'], /^duress: shards of different scenarios: shard-1 ran shards-test \(hash [0-9a-f]{12}\), other-shard-1 ran shards-test \(hash [0-9a-f]{12}\)$/m));
  test('a shard twice', () => refused(['shard-1', 'shard-2', 'shard-3', 'shard-4', 'shard-2'], /^duress: shard 2 of 4 given twice: shard-2 and shard-2$/m));
  test('a shard missing', () => refused(['shard-1', 'shard-2', 'shard-4'], /^duress: shard 3 of 4 is missing \(given: 1, 2, 4\); .*--allow-partial$/m));
  test('a whole run', () => refused(['whole', 'shard-1'], /^duress: whole: not a shard/m));

  test('--allow-partial merges what there is, every report says which shard is missing, and the exit code is 4', async () => {
    const r = await cli(['merge', 'shard-1', 'shard-2', 'shard-4', '--out', 'partial', '--allow-partial']);
    assert.equal(r.code, 4, r.stderr);
    const missing = /shard 3 of 4 is missing/;
    for (const f of ['report.md', 'report.html', 'junit.xml']) assert.match(readFileSync(path.join(dir, 'partial', f), 'utf8'), missing, f);
    assert.match(r.stdout, missing, 'the terminal summary');
    const results = JSON.parse(readFileSync(path.join(dir, 'partial', 'results.json'), 'utf8')) as RunResults;
    assert.deepEqual(results.run.shards?.missing, [3]);
    assert.equal(cellOf(results, 0).instances, 1, 'cell 0: slot 0 only (slot 1 was shard 3\'s)');
  });
});
