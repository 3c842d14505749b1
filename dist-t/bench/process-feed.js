import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseScenario, runScenario } from '../src/index.js';
import { RecordEncoding } from '../src/systems/process/record-encoding.js';
import { printTable } from './bench-util.js';
const SECONDS = Number(process.env.DURESS_BENCH_FEED_SECONDS ?? 10);
const RECORD_SIZE = 200;
/** The program that discards its input: dd reading standard input, writing to /dev/null. */
const DISCARD = { command: '/usr/bin/dd', args: ['of=/dev/null', 'bs=1M', 'status=none'] };
/**
 * A bare Node writer: the same program, fed the same records (each its own id and time, 200-byte lines,
 * made by the same encoder as duress's feeder) as fast as its pipe takes them, on the main thread, with
 * nothing else: no schedule, no worker, no watchdog, no sink.
 */
async function bareWriter(seconds) {
    const child = spawn(DISCARD.command, DISCARD.args, { stdio: ['pipe', 'ignore', 'inherit'] });
    const encoding = new RecordEncoding('c0s0g0', RECORD_SIZE, 'lines');
    const perChunk = 1000;
    const startAt = Date.now();
    const at = (seq) => startAt + seq / 1000;
    const cpu = process.cpuUsage();
    const until = performance.now() + seconds * 1000;
    let records = 0;
    while (performance.now() < until) {
        if (!child.stdin.write(encoding.encode(records, perChunk, at)))
            await once(child.stdin, 'drain');
        records += perChunk;
    }
    const used = process.cpuUsage(cpu);
    child.stdin.end();
    await once(child, 'exit');
    return { records: records / seconds, cpuMs: (used.user + used.system) / 1000 };
}
/** duress feeding the same program as a process target, at a rate no pipe can carry: what its input takes per second. */
async function processTarget(seconds) {
    const loaded = parseScenario(`name: process-feed
duration: ${seconds}s
drain: 0s
instances: 1
failures: { hangWindow: 1h }
system:
  kind: process
  command: ${DISCARD.command}
  args: [${DISCARD.args.join(', ')}]
  input: { via: stdin, rate: 1000000/s, recordSize: ${RECORD_SIZE}B, batch: 1000 }
`);
    const dir = mkdtempSync(path.join(tmpdir(), 'duress-bench-feed-'));
    const cpu = process.cpuUsage();
    try {
        const { results } = await runScenario(loaded, { out: dir });
        const used = process.cpuUsage(cpu);
        const d = results.cells[0].delivery;
        // Taken by the program: every record due, less those its input never took (declared dropped).
        return { records: (d.generated - d.dropped) / seconds, cpuMs: (used.user + used.system) / 1000, wallMs: results.run.wallMs };
    }
    finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
/**
 * The feeding rate of a process target: duress (a worker thread per instance, records with their ids made
 * at the scenario's rate) into a program that discards its input, against a bare Node writer of the same
 * 200-byte lines into the same program, in the same run, one after the other. Target: at least 0.8 of the
 * bare writer. CPU time is the whole bench process's (duress's threads included), as a cost per million records.
 */
export async function benchProcessFeed() {
    const bare = await bareWriter(SECONDS);
    const target = await processTarget(SECONDS);
    const ratio = target.records / bare.records;
    const perMillion = (cpuMs, rate) => `${((cpuMs / (rate * SECONDS)) * 1e6).toFixed(0)} ms`;
    printTable(`feeding ${RECORD_SIZE}-byte lines to dd of=/dev/null through its stdin, ${SECONDS} s each (wall time)`, [
        ['bare Node writer, records/s', bare.records.toFixed(0)],
        ['duress process target, records/s taken (asked for 1000000/s, the most one instance may be)', target.records.toFixed(0)],
        ['ratio (target >= 0.8)', ratio.toFixed(2)],
        ['bare writer CPU per million records', perMillion(bare.cpuMs, bare.records)],
        ['duress CPU per million records (whole run: sink, proxy, watchdog too)', perMillion(target.cpuMs, target.records)],
        ['duress run, wall time', `${(target.wallMs / 1000).toFixed(1)} s`],
    ]);
    return { name: 'process-feed', metrics: { bareRecordsPerSecond: bare.records, targetRecordsPerSecond: target.records, ratio }, pass: ratio >= 0.8 };
}
//# sourceMappingURL=process-feed.js.map