import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, GetLogEventsCommand, InvalidSequenceTokenException, PutLogEventsCommand, } from '@aws-sdk/client-cloudwatch-logs';
import { ScaledClock } from '../../../src/core/clock.js';
import { createCloudWatchSink } from '../../../src/sinks/cloudwatch/index.js';
import { proxyPort, proxyTo, startToxiproxy } from '../../helpers/proxy-harness.js';
import { events, TEST_SINK } from '../../helpers/sink-http.js';
/** An AWS SDK v3 client for `endpoint` that trusts `ca` (PEM) and nothing more; no retries. */
function sdkClient(endpoint, ca) {
    return new CloudWatchLogsClient({
        endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
        maxAttempts: 1,
        requestHandler: { httpsAgent: new Agent(ca === undefined ? {} : { ca }), requestTimeout: 20_000 },
    });
}
async function createStream(client, group, stream) {
    await client.send(new CreateLogGroupCommand({ logGroupName: group }));
    await client.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
}
describe('CloudWatch sink over HTTPS with the CA it wrote', { timeout: 60_000 }, () => {
    let dir;
    const started = [];
    const clients = [];
    async function tlsSink(sequenceTokens) {
        const caFile = join(dir, `ca-${started.length}.pem`);
        const sink = createCloudWatchSink({ ...TEST_SINK, sequenceTokens, tls: true, caFile, keepEvents: 1 << 20 }, new ScaledClock(1));
        started.push(sink);
        return { sink, address: await sink.start(), caFile };
    }
    function client(endpoint, ca) {
        const c = sdkClient(endpoint, ca);
        clients.push(c);
        return c;
    }
    before(async () => {
        dir = await mkdtemp(join(tmpdir(), 'duress-tls-'));
    });
    after(async () => {
        for (const c of clients)
            c.destroy();
        for (const s of started)
            await s.stop();
        await rm(dir, { recursive: true, force: true });
    });
    it('serves https on its port, writes the CA file, and the SDK uses sequence tokens through it (enforced)', async () => {
        const { sink, address, caFile } = await tlsSink('enforced');
        assert.match(address.url, /^https:\/\/127\.0\.0\.1:\d+$/);
        const ca = await readFile(caFile, 'utf8');
        assert.match(ca, /^-----BEGIN CERTIFICATE-----/);
        assert.equal(ca, address.ca);
        const c = client(address.url, ca);
        await createStream(c, 'g', 's');
        const first = await c.send(new PutLogEventsCommand({ logGroupName: 'g', logStreamName: 's', logEvents: events(2, Date.now(), 'a') }));
        assert.ok(first.nextSequenceToken);
        await c.send(new PutLogEventsCommand({ logGroupName: 'g', logStreamName: 's', sequenceToken: first.nextSequenceToken, logEvents: events(1, Date.now(), 'b') }));
        await assert.rejects(c.send(new PutLogEventsCommand({ logGroupName: 'g', logStreamName: 's', sequenceToken: first.nextSequenceToken, logEvents: events(1, Date.now(), 'c') })), InvalidSequenceTokenException);
        assert.equal(sink.counters.eventsStored, 3);
        assert.equal(sink.counters.connections.tlsErrors, 0);
    });
    it('accepts puts without tokens and with stale ones when tokens are ignored, and reads them back over TLS', async () => {
        const { sink, address, caFile } = await tlsSink('ignored');
        const c = client(address.url, await readFile(caFile, 'utf8'));
        await createStream(c, 'g', 's');
        await c.send(new PutLogEventsCommand({ logGroupName: 'g', logStreamName: 's', logEvents: events(2, Date.now(), 'a') }));
        await c.send(new PutLogEventsCommand({ logGroupName: 'g', logStreamName: 's', logEvents: events(1, Date.now(), 'b') }));
        await c.send(new PutLogEventsCommand({ logGroupName: 'g', logStreamName: 's', sequenceToken: 'stale', logEvents: events(1, Date.now(), 'c') }));
        assert.equal(sink.counters.requests.PutLogEvents.ok, 3);
        const read = await c.send(new GetLogEventsCommand({ logGroupName: 'g', logStreamName: 's', startFromHead: true }));
        assert.deepEqual(read.events?.map((e) => e.message), ['a-0', 'a-1', 'b-0', 'c-0']);
    });
    it('is refused by a client that does not trust the CA', async () => {
        const { sink, address } = await tlsSink('ignored');
        const c = client(address.url, undefined);
        await assert.rejects(c.send(new CreateLogGroupCommand({ logGroupName: 'g' })), /self[- ]signed|unable to verify|certificate/i);
        assert.equal(sink.counters.requests.CreateLogGroup.ok, 0);
    });
    describe('through the fault proxy, whose toxics act on the TLS bytes', () => {
        let proxy;
        before(async () => {
            proxy = (await startToxiproxy()).server;
        });
        after(async () => {
            await proxy.stop();
        });
        it('an upstream latency delays the handshake and the request: at least two client flights', async () => {
            const { address, caFile } = await tlsSink('ignored');
            const route = await proxyTo(proxy, 'tls-latency', `127.0.0.1:${address.port}`, [
                { type: 'latency', stream: 'upstream', attributes: { latency: 300 } },
            ]);
            const c = client(`https://127.0.0.1:${proxyPort(route)}`, await readFile(caFile, 'utf8'));
            const t0 = performance.now();
            await c.send(new CreateLogGroupCommand({ logGroupName: 'g' }));
            // The ClientHello and the request (after the client's Finished) each cross the proxy upstream once.
            assert.ok(performance.now() - t0 >= 600, `took ${performance.now() - t0} ms`);
        });
        it('a slicer that cuts the TLS records into 1-16 byte pieces still delivers intact answers', async () => {
            const { sink, address, caFile } = await tlsSink('ignored');
            const route = await proxyTo(proxy, 'tls-slicer', `127.0.0.1:${address.port}`, [
                { type: 'slicer', stream: 'downstream', attributes: { average_size: 8, size_variation: 7, delay: 0 } },
                { type: 'slicer', stream: 'upstream', attributes: { average_size: 8, size_variation: 7, delay: 0 } },
            ]);
            const c = client(`https://127.0.0.1:${proxyPort(route)}`, await readFile(caFile, 'utf8'));
            await createStream(c, 'g', 's');
            await c.send(new PutLogEventsCommand({ logGroupName: 'g', logStreamName: 's', logEvents: events(50, Date.now(), 'sliced') }));
            assert.equal(sink.counters.eventsStored, 50);
        });
        it('limit_data cutting the connection mid-handshake fails the request before the sink sees it', async () => {
            const { sink, address, caFile } = await tlsSink('ignored');
            // A TLS 1.3 ClientHello from Node is a few hundred bytes: 100 bytes cut it short.
            const route = await proxyTo(proxy, 'tls-limit', `127.0.0.1:${address.port}`, [{ type: 'limit_data', stream: 'upstream', attributes: { bytes: 100 } }]);
            const c = client(`https://127.0.0.1:${proxyPort(route)}`, await readFile(caFile, 'utf8'));
            await assert.rejects(c.send(new CreateLogGroupCommand({ logGroupName: 'g' })));
            assert.equal(sink.counters.requests.CreateLogGroup.ok, 0);
        });
    });
});
//# sourceMappingURL=cloudwatch-tls.test.js.map