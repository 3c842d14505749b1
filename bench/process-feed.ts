import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseScenario, runScenario } from '../src/index.js';
import { RecordEncoding } from '../src/systems/process/record-encoding.js';
import { printTable, type BenchResult } from './bench-util.js';

const SECONDS = Number(process.env.DURESS_BENCH_FEED_SECONDS ?? 5);
/** Each side runs this many times, interleaved (bare, duress, bare, duress): a machine shared with other work drifts. */
const ROUNDS = 2;
/**
 * The rate duress is asked for: far beyond what a pipe carries, so the feeder runs flat out. It is above the
 * per-instance limit a scenario may ask for (1,000,000/s), so it is set on the loaded scenario, past the schema.
 */
const FLAT_OUT_PER_SECOND = 100_000_000;
const RECORD_SIZE = 200;
/** The program that discards its input: dd reading standard input, writing to /dev/null. */
const DISCARD = { command: '/usr/bin/dd', args: ['of=/dev/null', 'bs=1M', 'status=none'] };

/**
 * A bare Node writer: the same program, fed the same records (each its own id and time, 200-byte lines,
 * made by the same encoder as duress's feeder) as fast as its pipe takes them, on the main thread, with
 * nothing else: no schedule, no worker, no watchdog, no sink.
 */
async function bareWriter(seconds: number): Promise<{ records: number; cpuMs: number }> {
  const child = spawn(DISCARD.command, DISCARD.args, { stdio: ['pipe', 'ignore', 'inherit'] });
  const encoding = new RecordEncoding('c0s0g0', RECORD_SIZE, 'lines');
  const perChunk = 1000;
  const startAt = Date.now();
  const at = (seq: number): number => startAt + seq / 1000;
  const cpu = process.cpuUsage();
  const until = performance.now() + seconds * 1000;
  let records = 0;
  while (performance.now() < until) {
    if (!child.stdin.write(encoding.encode(records, perChunk, at))) await once(child.stdin, 'drain');
    records += perChunk;
  }
  const used = process.cpuUsage(cpu);
  child.stdin.end();
  await once(child, 'exit');
  return { records: records / seconds, cpuMs: (used.user + used.system) / 1000 };
}

/** duress feeding the same program as a process target, at a rate no pipe can carry: what its input takes per second. */
async function processTarget(seconds: number): Promise<{ records: number; cpuMs: number; wallMs: number }> {
  const loaded = parseScenario(`name: process-feed
duration: ${seconds}s
drain: 0s
instances: 1
failures: { hangWindow: 1h }
system:
  kind: process
  command: ${DISCARD.command}
  args: [${DISCARD.args.join(', ')}]
  input: { via: stdin, rate: 1000/s, recordSize: ${RECORD_SIZE}B, batch: 1000 }
`);
  for (const cell of loaded.cells) (cell.scenario.system as unknown as { input: { rate: number } }).input.rate = FLAT_OUT_PER_SECOND;
  const dir = mkdtempSync(path.join(tmpdir(), 'duress-bench-feed-'));
  const cpu = process.cpuUsage();
  try {
    const { results } = await runScenario(loaded, { out: dir });
    const used = process.cpuUsage(cpu);
    const d = results.cells[0]!.delivery;
    // Taken by the program: its delivery accounting holds exactly those (what was still owed is apart).
    return { records: d.generated / seconds, cpuMs: (used.user + used.system) / 1000, wallMs: results.run.wallMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The feeding rate of a process target: duress (a worker thread per instance, records with their ids made
 * at the scenario's rate) into a program that discards its input, against a bare Node writer of the same
 * 200-byte lines into the same program, in the same run, one after the other. Target: at least 0.8 of the
 * bare writer. CPU time is the whole bench process's (duress's threads included), as a cost per million records.
 */
export async function benchProcessFeed(): Promise<BenchResult> {
  const bares: { records: number; cpuMs: number }[] = [];
  const targets: { records: number; cpuMs: number; wallMs: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    bares.push(await bareWriter(SECONDS));
    targets.push(await processTarget(SECONDS));
  }
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const bare = { records: mean(bares.map((b) => b.records)), cpuMs: mean(bares.map((b) => b.cpuMs)) };
  const target = { records: mean(targets.map((b) => b.records)), cpuMs: mean(targets.map((b) => b.cpuMs)) };
  const ratio = target.records / bare.records;
  const perMillion = (cpuMs: number, rate: number): string => `${((cpuMs / (rate * SECONDS)) * 1e6).toFixed(0)} ms`;
  printTable(`feeding ${RECORD_SIZE}-byte lines to dd of=/dev/null through its stdin, ${SECONDS} s a run, ${ROUNDS} runs each, interleaved (wall time)`, [
    ['bare Node writer, records/s (each run)', bares.map((b) => b.records.toFixed(0)).join(', ')],
    ['duress process target, records/s taken (each run)', targets.map((b) => b.records.toFixed(0)).join(', ')],
    ['ratio of the means (target >= 0.8)', ratio.toFixed(2)],
    ['bare writer CPU per million records', perMillion(bare.cpuMs, bare.records)],
    ['duress CPU per million records (whole run: sink, proxy, watchdog too)', perMillion(target.cpuMs, target.records)],
    ['CPU per record, bare / duress (1 = as cheap as the bare writer)', (bare.cpuMs / bare.records / (target.cpuMs / target.records)).toFixed(2)],
    ['duress runs, wall time', targets.map((t) => `${(t.wallMs / 1000).toFixed(1)} s`).join(', ')],
  ]);
  return { name: 'process-feed', metrics: { bareRecordsPerSecond: bare.records, targetRecordsPerSecond: target.records, ratio, cpuPerRecordRatio: bare.cpuMs / bare.records / (target.cpuMs / target.records) }, pass: ratio >= 0.8 };
}
