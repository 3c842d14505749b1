import path from 'node:path';
import { Pool } from 'undici';
import { wallClock } from '../src/core/clock.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { runScenario } from '../src/engine/run.js';
import { loadScenarioDocument } from '../src/scenario/load.js';
import { expandMatrix } from '../src/scenario/matrix.js';
import { createCloudWatchSink } from '../src/sinks/cloudwatch/server.js';
import { formatRecordMessage } from '../src/delivery/record-message.js';
import { printTable, projectRoot } from './bench-util.js';
const SECONDS = 10;
const WARMUP_S = 2;
/**
 * Records per second delivered end to end by the quickstart pipeline (generator, buffer, scheduler,
 * CloudWatch output, undici, mock sink, ledger), beside the limit: a bare undici loop that posts the same
 * batches (same streams, same batch size, same message bytes) to the same kind of sink, one request at a
 * time per stream as sync-minimal does. Both run with the sink's throttling off, so the quota is not what
 * is measured, and with the input saturated (the generator asks for far more than can be sent).
 */
export async function benchForwarderThroughput() {
    const file = path.join(projectRoot(), 'scenarios/quickstart.yaml');
    const { scenario, data } = await loadScenarioDocument(file, {
        overrides: [
            { path: 'duration', value: `${SECONDS}s` },
            { path: 'drain', value: '0s' },
            { path: 'system.input.rate', value: '500000/s' },
            { path: 'sink.streamRate', value: '0/s' },
        ],
    });
    const samples = [];
    const dir = mkdtempSync(path.join(tmpdir(), 'duress-bench-'));
    const results = await runScenario(scenario, expandMatrix(data, scenario, file), {
        file,
        dir,
        onProgress: (p) => {
            const c = p.cells[0];
            if (c?.phase === 'load')
                samples.push({ wallMs: p.wallMs, delivered: c.delivered });
        },
    });
    rmSync(dir, { recursive: true, force: true });
    const cell = results.cells[0];
    const steady = samples.filter((s) => s.wallMs >= WARMUP_S * 1000);
    const first = steady[0];
    const last = steady[steady.length - 1];
    if (!first || !last || last === first)
        throw new Error('bench: too few progress samples');
    const duressRate = (last.delivered - first.delivered) / ((last.wallMs - first.wallMs) / 1000);
    const sinkCounters = cell.sink;
    const batchSize = Math.max(1, Math.round(sinkCounters.eventsStored / sinkCounters.batchesStored));
    const bare = await bareUndiciLoop(scenario.instances, batchSize, recordSize(scenario));
    const ratio = duressRate / bare;
    printTable('forwarder: records/s delivered end to end (wall time, after 2 s warm-up)', [
        ['bare undici loop (limit)', bare.toFixed(0)],
        ['duress quickstart pipeline', duressRate.toFixed(0)],
        ['ratio (target >= 0.5)', ratio.toFixed(2)],
        ['batch size (events)', String(batchSize)],
        ['lost records in the duress run', String(cell.delivery.lost)],
    ]);
    return { name: 'forwarder-throughput', metrics: { bareRecordsPerSecond: bare, duressRecordsPerSecond: duressRate, ratio, batchSize }, pass: ratio >= 0.5 };
}
function recordSize(s) {
    if (s.system.kind !== 'forwarder')
        throw new Error('bench: the quickstart scenario is a forwarder');
    return s.system.input.recordSize;
}
async function bareUndiciLoop(streams, batchSize, recordSize) {
    const sink = createCloudWatchSink({ kind: 'cloudwatch', streamRate: 0, streamBurst: 1, idleTimeout: 6000, latency: 0, sequenceTokens: 'enforced', host: '127.0.0.1', port: 0 }, wallClock);
    let accepted = 0;
    sink.onAccepted((b) => {
        accepted += b.events.length;
    });
    const { url } = await sink.start();
    const pool = new Pool(url);
    const headers = (op) => ({ 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `Logs_20140328.${op}` });
    const post = async (op, body) => {
        const res = await pool.request({ path: '/', method: 'POST', headers: headers(op), body });
        const text = await res.body.text();
        return text ? JSON.parse(text) : {};
    };
    await post('CreateLogGroup', JSON.stringify({ logGroupName: 'bench' }));
    let stop = false;
    const loop = async (i) => {
        const stream = `bare-${i}`;
        await post('CreateLogStream', JSON.stringify({ logGroupName: 'bench', logStreamName: stream }));
        const now = Date.now();
        const events = Array.from({ length: batchSize }, (_, k) => `{"timestamp":${now},"message":${JSON.stringify(formatRecordMessage(`b${i}`, k, now, recordSize))}}`).join(',');
        let token;
        while (!stop) {
            const tokenPart = token === undefined ? '' : `,"sequenceToken":"${token}"`;
            const answer = await post('PutLogEvents', `{"logGroupName":"bench","logStreamName":"${stream}"${tokenPart},"logEvents":[${events}]}`);
            token = (answer.nextSequenceToken ?? answer.expectedSequenceToken);
        }
    };
    const loops = Array.from({ length: streams }, (_, i) => loop(i));
    await new Promise((r) => setTimeout(r, WARMUP_S * 1000));
    const countFrom = accepted;
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, (SECONDS - WARMUP_S) * 1000));
    const rate = (accepted - countFrom) / ((performance.now() - t0) / 1000);
    stop = true;
    await Promise.all(loops);
    await pool.close();
    await sink.stop();
    return rate;
}
//# sourceMappingURL=forwarder-throughput.js.map