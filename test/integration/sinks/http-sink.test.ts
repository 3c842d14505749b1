import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { deflateSync, gzipSync } from 'node:zlib';
import { Agent, request } from 'undici';
import { ScaledClock } from '../../../src/core/clock.js';
import { DeliveryLedger } from '../../../src/delivery/ledger.js';
import { formatRecordMessage } from '../../../src/delivery/record-message.js';
import '../../../src/sinks/builtin.js';
import { createHttpSink, type HttpSink } from '../../../src/sinks/http/index.js';
import { httpSinkSchema } from '../../../src/sinks/http/schema.js';
import type { SinkEndpoint } from '../../../src/sinks/sink.js';
import { waitFor } from '../../helpers/wait.js';

const rec = (source: string, seq: number): string => formatRecordMessage(source, seq, 1_000 + seq, 48);

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request to the sink on `path`; undici's default agent keeps connections alive. */
async function send(endpoint: SinkEndpoint, path: string, body: string | Buffer, headers: Record<string, string> = {}, method: 'POST' | 'PUT' | 'GET' = 'POST', dispatcher?: Agent): Promise<Answer> {
  const res = await request(`${endpoint.url}${path}`, { method, headers, ...(method === 'GET' ? {} : { body }), ...(dispatcher ? { dispatcher } : {}), headersTimeout: 10_000, bodyTimeout: 10_000 });
  return { status: res.statusCode, headers: res.headers, body: await res.body.text() };
}

describe('the HTTP sink', { timeout: 30_000 }, () => {
  let sink: HttpSink;
  let endpoint: SinkEndpoint;
  const ledger = new DeliveryLedger();
  const deliveries: string[][] = [];

  before(async () => {
    const config = httpSinkSchema.parse({ kind: 'http', status: 202, idleTimeout: '30s' });
    sink = createHttpSink({ ...config, host: '127.0.0.1', port: 0 }, new ScaledClock(1));
    endpoint = await sink.start();
    sink.onDelivered((records, at) => {
      deliveries.push(records.map((r) => r.message));
      ledger.deliveredEvents(records, at);
    });
    for (const s of ['a', 'b', 'c', 'd', 'e']) ledger.register(s);
  });
  after(() => sink.stop());

  it('finds every record in NDJSON, a JSON array, newline text and gzip / deflate bodies, wherever it sits in a line', async () => {
    const ndjson = [0, 1, 2].map((i) => JSON.stringify({ host: 'h', message: rec('a', i), n: i })).join('\n') + '\n';
    assert.equal((await send(endpoint, '/i0', ndjson, { 'Content-Type': 'application/x-ndjson' })).status, 202);
    const array = JSON.stringify([rec('b', 0), { log: rec('b', 1) }, { nested: { deep: rec('b', 2) } }]);
    const answer = await send(endpoint, '/i0', array);
    assert.equal(answer.status, 202);
    assert.deepEqual(JSON.parse(answer.body), { accepted: 3 });
    // syslog-ng's http() with a syslog header before each record, its content type saying a form.
    const lines = [0, 1, 2, 3].map((i) => `<13>Dec  7 19:04:10 host prog[1]: ${rec('c', i)}`).join('\r\n');
    assert.equal((await send(endpoint, '/i1', lines, { 'Content-Type': 'application/x-www-form-urlencoded' })).status, 202);
    assert.equal((await send(endpoint, '/i1', gzipSync(`${rec('d', 0)}\n${rec('d', 1)}\n`), { 'Content-Encoding': 'gzip' })).status, 202);
    assert.equal((await send(endpoint, '/i1', deflateSync(JSON.stringify([rec('d', 2)])), { 'Content-Encoding': 'deflate' })).status, 202);
    // Two records in one line are two records; a line with none is foreign.
    assert.equal((await send(endpoint, '/i1', `${rec('e', 0)} ${rec('e', 1)}\nnot a record\n`, {}, 'PUT')).status, 202);

    const counts = ledger.counts();
    assert.equal(counts.delivered, 3 + 3 + 4 + 3 + 2);
    assert.equal(counts.duplicated, 0);
    assert.equal(counts.foreign, 1, 'the line without a record');
    assert.equal(counts.lost, 0);
    assert.equal(sink.counters.compressed, 2);
    assert.equal(sink.counters.requests.ok, 6);
  });

  it('answers a malformed body 400 with what was wrong, counts it, and goes on serving', async () => {
    const before = ledger.counts().delivered;
    const badLine = await send(endpoint, '/i0', `{"message":"${rec('a', 3)}"}\n{"message": oops}\n`, { 'Content-Type': 'application/x-ndjson' });
    assert.equal(badLine.status, 400);
    assert.match(JSON.parse(badLine.body).error, /^line 2 is not JSON \(.+\): "\{\\"message\\": oops\}"$/);
    const badGzip = await send(endpoint, '/i0', Buffer.from('not gzip at all'), { 'Content-Encoding': 'gzip' });
    assert.equal(badGzip.status, 400);
    assert.match(JSON.parse(badGzip.body).error, /^the gzip body is not valid gzip/);
    const badCoding = await send(endpoint, '/i0', 'x', { 'Content-Encoding': 'zstd' });
    assert.match(JSON.parse(badCoding.body).error, /Content-Encoding "zstd" is not supported; expected gzip, deflate, br or identity/);
    const badArray = await send(endpoint, '/i0', '[1, 2,');
    assert.match(JSON.parse(badArray.body).error, /^the body is not JSON/);
    assert.equal(sink.counters.requests.malformed, 4);
    assert.equal(sink.counters.statuses['400'], 4);
    assert.equal(ledger.counts().delivered, before, 'nothing of a malformed body is taken');
    assert.equal((await send(endpoint, '/i0', rec('a', 3))).status, 202, 'still serving');
    const get = await send(endpoint, '/i0', '', {}, 'GET');
    assert.equal(get.status, 405);
    assert.equal(get.headers.allow, 'POST, PUT');
  });

  it('applies the shared sink faults to the channels they name: 503, throttled with Retry-After, discard, duplicate, a dropped connection', async () => {
    const ledgerBefore = ledger.counts();
    const error = sink.faults.add({ kind: 'error', status: 503, streams: ['i5'] });
    assert.equal((await send(endpoint, '/i5', rec('a', 4))).status, 503);
    assert.equal((await send(endpoint, '/i6', rec('a', 5))).status, 202, 'another channel is not hit');
    sink.faults.remove(error);
    sink.faults.add({ kind: 'throttle', requests: 1 });
    const throttled = await send(endpoint, '/i5', rec('a', 4));
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers['retry-after'], '1');
    assert.equal((await send(endpoint, '/i5', rec('a', 4))).status, 202, 'the fault had one request');
    sink.faults.add({ kind: 'discard', batches: 1 });
    assert.equal((await send(endpoint, '/i5', rec('a', 6))).status, 202, 'discarded, answered as taken');
    sink.faults.add({ kind: 'duplicate', batches: 1 });
    assert.equal((await send(endpoint, '/i5', rec('a', 7))).status, 500);
    assert.equal((await send(endpoint, '/i5', rec('a', 7))).status, 202, 'the resend');
    sink.faults.add({ kind: 'drop-connection', requests: 1, afterStore: true });
    await assert.rejects(send(endpoint, '/i5', rec('a', 8)), 'the connection breaks mid-response');
    const now = ledger.counts();
    assert.equal(now.delivered - ledgerBefore.delivered, 4, 'a5, a4, a7 and a8 (taken before the drop); a6 discarded');
    assert.equal(now.duplicated - ledgerBefore.duplicated, 1, 'a7 twice');
    assert.equal(sink.counters.requests.discarded, 1);
    assert.equal(sink.counters.connections.dropped, 1);
  });

  it('a slow fault delays the answer by its latency', async () => {
    const id = sink.faults.add({ kind: 'slow', latency: 300 });
    const t0 = performance.now();
    assert.equal((await send(endpoint, '/i0', rec('a', 9))).status, 202);
    assert.ok(performance.now() - t0 >= 290, `answered after ${performance.now() - t0} ms`);
    sink.faults.remove(id);
  });

  it('refuses a body over maxBody with 413 and one that decompresses to more with 400', async () => {
    const small = createHttpSink({ ...httpSinkSchema.parse({ kind: 'http', maxBody: '1KB' }), host: '127.0.0.1', port: 0 }, new ScaledClock(1));
    const at = await small.start();
    try {
      assert.equal((await send(at, '/x', 'y'.repeat(2000))).status, 413);
      const bomb = await send(at, '/x', gzipSync('z'.repeat(100_000)), { 'Content-Encoding': 'gzip' });
      assert.equal(bomb.status, 400);
      assert.match(JSON.parse(bomb.body).error, /decompresses to more than 1024 bytes/);
    } finally {
      await small.stop();
    }
  });
});

describe('the HTTP sink over HTTPS, with a rate limit per channel', { timeout: 30_000 }, () => {
  it('writes its CA to a file a client can trust, throttles each channel on its own, and removes the file at stop', async () => {
    const config = httpSinkSchema.parse({ kind: 'http', tls: true, rate: '1/s', burst: 2 });
    const sink = createHttpSink({ ...config, host: '127.0.0.1', port: 0 }, new ScaledClock(1));
    const endpoint = await sink.start();
    const agent = new Agent({ connect: { ca: await readFile(endpoint.caFile!, 'utf8') } });
    try {
      assert.match(endpoint.url, /^https:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(await readFile(endpoint.caFile!, 'utf8'), endpoint.ca);
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await send(endpoint, '/i0', rec('a', i), {}, 'POST', agent)).status);
      statuses.push((await send(endpoint, '/i1', rec('b', 0), {}, 'POST', agent)).status);
      // A burst of 2 at 1/s: the third request of i0 within a second is throttled; i1 has its own bucket.
      assert.deepEqual(statuses, [200, 200, 429, 200]);
      await assert.rejects(send(endpoint, '/i0', rec('a', 9)), /self[- ]signed|unable to verify|certificate/i);
      // The server learns of the failed handshake a moment after the client gives up.
      await waitFor(() => sink.counters.connections.tlsErrors === 1, 5000, 'the failed handshake counted');
    } finally {
      await agent.close();
      await sink.stop();
    }
    assert.equal(existsSync(endpoint.caFile!), false, 'the CA file is removed at stop');
  });
});
