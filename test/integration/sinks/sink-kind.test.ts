import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { test } from 'node:test';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, GetLogEventsCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ScaledClock } from '../../../src/core/clock.js';
import '../../../src/sinks/builtin.js';
import { cloudWatchSinkKind } from '../../../src/sinks/cloudwatch/kind.js';
import { sinkKinds } from '../../../src/sinks/registry.js';
import { events, post, type RawAnswer } from '../../helpers/sink-http.js';

test('the CloudWatch sink through the Sink interface: port 0, its URL, delivered records with their arrival, its own faults, its counters, stop', { timeout: 30_000 }, async (t) => {
  const kind = sinkKinds.get('cloudwatch');
  const config = kind.schema.parse({ kind: 'cloudwatch' });
  const clock = new ScaledClock(1);
  const sink = kind.create(config, { clock, tlsNames: [] });
  const endpoint = await sink.start();
  t.after(() => sink.stop());
  assert.equal(endpoint.host, '127.0.0.1');
  assert.ok(endpoint.port > 0, 'a free port was chosen');
  assert.equal(endpoint.url, `http://127.0.0.1:${endpoint.port}`);
  assert.equal(endpoint.ca, undefined, 'no TLS unless asked');

  const delivered: { messages: string[]; receivedAt: number }[] = [];
  sink.onDelivered((records, receivedAt) => delivered.push({ messages: records.map((r) => r.message), receivedAt }));
  const call = (op: string, body: unknown): Promise<RawAnswer> => post(endpoint, { 'X-Amz-Target': `Logs_20140328.${op}` }, JSON.stringify(body));
  assert.equal((await call('CreateLogGroup', { logGroupName: 'g' })).status, 200);
  assert.equal((await call('CreateLogStream', { logGroupName: 'g', logStreamName: 'instance-0' })).status, 200);

  const before = clock.now();
  const put = (prefix: string): Promise<RawAnswer> => call('PutLogEvents', { logGroupName: 'g', logStreamName: 'instance-0', logEvents: events(2, Date.now(), prefix) });
  assert.equal((await put('a')).status, 200);
  assert.deepEqual(delivered.map((d) => d.messages), [['a-0', 'a-1']]);
  assert.ok(delivered[0]!.receivedAt >= before && delivered[0]!.receivedAt <= clock.now(), 'arrival on the cell clock');

  // Its own fault, scoped to the channel (stream) it names: the batch is answered but never delivered.
  const id = sink.faults.add({ kind: 'discard', batches: 1, streams: ['instance-0'] });
  assert.equal((await put('b')).status, 200);
  assert.equal((await put('c')).status, 200);
  assert.deepEqual(delivered.map((d) => d.messages), [['a-0', 'a-1'], ['c-0', 'c-1']]);
  assert.equal(sink.faults.remove(id), false, 'a fault exhausted is gone');

  const report = sink.report();
  assert.equal(report.batchesDiscarded, 1);
  assert.equal(report.batchesStored, 2);
  (report as { batchesStored: number }).batchesStored = 99;
  assert.equal(sink.report().batchesStored, 2, 'the report is a copy, plain data for the journal');

  await sink.stop();
  await assert.rejects(call('DescribeLogGroups', {}), 'nothing listens after stop');
});

test('the sink registry: the built-in sinks are registered once, the CloudWatch sink first (the default), its durations are those the clock scales', () => {
  assert.deepEqual(sinkKinds.names(), ['cloudwatch', 'http', 'tcp', 'http-target']);
  assert.throws(() => sinkKinds.register(cloudWatchSinkKind), /the sink kind cloudwatch is already registered/);
  assert.throws(() => sinkKinds.get('kafka'), /no sink kind is registered as "kafka" \(registered: cloudwatch, http, tcp, http-target\)/);
  const config = cloudWatchSinkKind.schema.parse({ kind: 'cloudwatch', idleTimeout: '3s', latency: '250ms' });
  assert.deepEqual(cloudWatchSinkKind.scaledDurations(config), [
    { path: 'sink.idleTimeout', ms: 3000 },
    { path: 'sink.latency', ms: 250 },
  ]);
});

test('a TLS CloudWatch sink made by its kind writes its CA to a file, which the AWS SDK v3 client trusts to put and read events; the file is removed at stop', { timeout: 30_000 }, async () => {
  const kind = sinkKinds.get('cloudwatch');
  const sink = kind.create(kind.schema.parse({ kind: 'cloudwatch', tls: true, keepEvents: '1MB' }), { clock: new ScaledClock(1), tlsNames: ['*.sink.duress.test'] });
  const endpoint = await sink.start();
  assert.ok(endpoint.caFile !== undefined && endpoint.ca !== undefined);
  // As a program handed {{sink.caFile}} would: the CA read from the file, nothing else trusted.
  const client = new CloudWatchLogsClient({
    endpoint: endpoint.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    maxAttempts: 1,
    requestHandler: { httpsAgent: new Agent({ ca: readFileSync(endpoint.caFile, 'utf8') }), requestTimeout: 20_000 },
  });
  try {
    assert.match(endpoint.url, /^https:/);
    assert.equal(readFileSync(endpoint.caFile, 'utf8'), endpoint.ca);
    const stream = { logGroupName: 'g', logStreamName: 's' };
    await client.send(new CreateLogGroupCommand({ logGroupName: 'g' }));
    await client.send(new CreateLogStreamCommand(stream));
    await client.send(new PutLogEventsCommand({ ...stream, logEvents: events(3, Date.now(), 'tls') }));
    const read = await client.send(new GetLogEventsCommand({ ...stream, startFromHead: true }));
    assert.deepEqual(read.events?.map((e) => e.message), ['tls-0', 'tls-1', 'tls-2']);
  } finally {
    client.destroy();
    await sink.stop();
  }
  assert.equal(existsSync(endpoint.caFile), false);
});
