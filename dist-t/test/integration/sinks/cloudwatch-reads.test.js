import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, DeleteRetentionPolicyCommand, DescribeLogStreamsCommand, FilterLogEventsCommand, GetLogEventsCommand, InvalidParameterException, PutLogEventsCommand, PutRetentionPolicyCommand, ResourceNotFoundException, ThrottlingException, } from '@aws-sdk/client-cloudwatch-logs';
import { events, startTestSink } from '../../helpers/sink-http.js';
import { ManualClock } from '../../helpers/sink-manual-clock.js';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
describe('CloudWatch sink API surface through the AWS SDK v3 client', { timeout: 60_000 }, () => {
    const open = [];
    async function setup(overrides = {}, clock = new ManualClock()) {
        const t = await startTestSink({ sequenceTokens: 'ignored', keepEvents: 1 << 20, ...overrides }, clock);
        const client = new CloudWatchLogsClient({
            endpoint: t.address.url,
            region: 'us-east-1',
            credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
            maxAttempts: 1,
        });
        open.push({ t, client });
        await client.send(new CreateLogGroupCommand({ logGroupName: 'app' }));
        await client.send(new CreateLogStreamCommand({ logGroupName: 'app', logStreamName: 'a' }));
        await client.send(new CreateLogStreamCommand({ logGroupName: 'app', logStreamName: 'b' }));
        return { t, client, clock };
    }
    after(async () => {
        for (const { t, client } of open) {
            client.destroy();
            await t.stop();
        }
    });
    const put = (client, stream, logEvents, group = 'app') => client.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents }));
    describe('GetLogEvents', () => {
        it('reads a stream from its head in pages, forward and back with the tokens, and ends on the same token', async () => {
            const { client, clock } = await setup();
            const now = clock.now();
            await put(client, 'a', events(3, now - 10, 'x'));
            await put(client, 'a', events(2, now - 5, 'y'));
            await put(client, 'b', events(1, now, 'other'));
            const first = await client.send(new GetLogEventsCommand({ logGroupName: 'app', logStreamName: 'a', startFromHead: true, limit: 2 }));
            assert.deepEqual(first.events?.map((e) => e.message), ['x-0', 'x-1']);
            assert.equal(first.events?.[0]?.timestamp, now - 10);
            assert.equal(first.events?.[0]?.ingestionTime, now);
            const second = await client.send(new GetLogEventsCommand({ logGroupName: 'app', logStreamName: 'a', nextToken: first.nextForwardToken, limit: 2 }));
            assert.deepEqual(second.events?.map((e) => e.message), ['x-2', 'y-0']);
            const third = await client.send(new GetLogEventsCommand({ logGroupName: 'app', logStreamName: 'a', nextToken: second.nextForwardToken, limit: 2 }));
            assert.deepEqual(third.events?.map((e) => e.message), ['y-1']);
            const end = await client.send(new GetLogEventsCommand({ logGroupName: 'app', logStreamName: 'a', nextToken: third.nextForwardToken }));
            assert.deepEqual(end.events, []);
            assert.equal(end.nextForwardToken, third.nextForwardToken, 'at the end of the stream the same token comes back');
            const back = await client.send(new GetLogEventsCommand({ logGroupName: 'app', logStreamName: 'a', nextToken: second.nextBackwardToken, limit: 2 }));
            assert.deepEqual(back.events?.map((e) => e.message), ['x-0', 'x-1']);
        });
        it('without startFromHead returns the latest events; a time range keeps [startTime, endTime)', async () => {
            const { client, clock } = await setup();
            const now = clock.now();
            await put(client, 'a', events(5, now - 100, 'm'));
            const latest = await client.send(new GetLogEventsCommand({ logGroupName: 'app', logStreamName: 'a', limit: 2 }));
            assert.deepEqual(latest.events?.map((e) => e.message), ['m-3', 'm-4']);
            const ranged = await client.send(new GetLogEventsCommand({ logGroupName: 'app', logStreamName: 'a', startFromHead: true, startTime: now - 99, endTime: now - 97 }));
            assert.deepEqual(ranged.events?.map((e) => e.message), ['m-1', 'm-2']);
        });
        it('takes logGroupIdentifier as a name or an ARN, refuses both at once, and knows no other group', async () => {
            const { client, clock } = await setup();
            await put(client, 'a', events(1, clock.now(), 'id'));
            const arn = 'arn:aws:logs:us-east-1:000000000000:log-group:app';
            for (const logGroupIdentifier of ['app', arn, `${arn}:*`]) {
                const r = await client.send(new GetLogEventsCommand({ logGroupIdentifier, logStreamName: 'a' }));
                assert.deepEqual(r.events?.map((e) => e.message), ['id-0'], logGroupIdentifier);
            }
            await assert.rejects(client.send(new GetLogEventsCommand({ logGroupName: 'app', logGroupIdentifier: 'app', logStreamName: 'a' })), InvalidParameterException);
            await assert.rejects(client.send(new GetLogEventsCommand({ logGroupIdentifier: 'nope', logStreamName: 'a' })), ResourceNotFoundException);
            const streams = await client.send(new DescribeLogStreamsCommand({ logGroupIdentifier: arn }));
            assert.deepEqual(streams.logStreams?.map((s) => s.logStreamName), ['a', 'b']);
        });
        it('keeps no events with keepEvents 0, and drops the oldest batches first past its budget', async () => {
            const none = await setup({ keepEvents: 0 });
            await put(none.client, 'a', events(3, none.clock.now()));
            assert.deepEqual((await none.client.send(new GetLogEventsCommand({ logGroupName: 'app', logStreamName: 'a' }))).events, []);
            assert.equal(none.t.sink.counters.eventsStored, 3, 'stored and counted all the same');
            // Each batch: one 74-byte message + 26 = 100 bytes; a 250-byte budget keeps the last two batches.
            const some = await setup({ keepEvents: 250 });
            for (let i = 0; i < 4; i++)
                await put(some.client, 'a', [{ timestamp: some.clock.now(), message: `${i}`.repeat(74) }]);
            const kept = await some.client.send(new GetLogEventsCommand({ logGroupName: 'app', logStreamName: 'a', startFromHead: true }));
            assert.deepEqual(kept.events?.map((e) => e.message?.[0]), ['2', '3']);
        });
    });
    describe('FilterLogEvents', () => {
        it('merges streams in timestamp order, filters by terms, stream list or prefix and time, and pages', async () => {
            const { client, clock } = await setup();
            const now = clock.now();
            await put(client, 'a', [
                { timestamp: now - 30, message: 'ERROR disk full' },
                { timestamp: now - 10, message: 'INFO ok' },
            ]);
            await put(client, 'b', [
                { timestamp: now - 20, message: 'WARN disk slow' },
                { timestamp: now - 5, message: 'ERROR net down' },
            ]);
            const all = await client.send(new FilterLogEventsCommand({ logGroupName: 'app' }));
            assert.deepEqual(all.events?.map((e) => `${e.logStreamName}:${e.message}`), ['a:ERROR disk full', 'b:WARN disk slow', 'a:INFO ok', 'b:ERROR net down']);
            assert.equal(new Set(all.events?.map((e) => e.eventId)).size, 4, 'every event has its own id');
            const terms = async (filterPattern) => ((await client.send(new FilterLogEventsCommand({ logGroupName: 'app', filterPattern }))).events ?? []).map((e) => e.message ?? '');
            assert.deepEqual(await terms('ERROR'), ['ERROR disk full', 'ERROR net down']);
            assert.deepEqual(await terms('ERROR disk'), ['ERROR disk full']);
            assert.deepEqual(await terms('"disk slow"'), ['WARN disk slow']);
            assert.deepEqual(await terms('?WARN ?INFO'), ['WARN disk slow', 'INFO ok']);
            assert.deepEqual(await terms('disk -ERROR'), ['WARN disk slow']);
            await assert.rejects(terms('{ $.level = "ERROR" }'), InvalidParameterException);
            const listed = await client.send(new FilterLogEventsCommand({ logGroupIdentifier: 'app', logStreamNames: ['b'], startTime: now - 20, endTime: now - 5 }));
            assert.deepEqual(listed.events?.map((e) => e.message), ['WARN disk slow']);
            await assert.rejects(client.send(new FilterLogEventsCommand({ logGroupName: 'app', logStreamNames: ['a'], logStreamNamePrefix: 'a' })), InvalidParameterException);
            const page1 = await client.send(new FilterLogEventsCommand({ logGroupName: 'app', limit: 3 }));
            assert.equal(page1.events?.length, 3);
            assert.ok(page1.nextToken);
            const page2 = await client.send(new FilterLogEventsCommand({ logGroupName: 'app', limit: 3, nextToken: page1.nextToken }));
            assert.deepEqual(page2.events?.map((e) => e.message), ['ERROR net down']);
            assert.equal(page2.nextToken, undefined);
        });
    });
    describe('retention', () => {
        it('rejects events older than the retention as expired (expiredLogEventEndIndex), stores the rest, and forgets them as they age out', async () => {
            const { t, client, clock } = await setup();
            await client.send(new PutRetentionPolicyCommand({ logGroupName: 'app', retentionInDays: 1 }));
            const now = clock.now();
            // A span of exactly 24 h is allowed; the first two events are older than the 1-day retention.
            const r = await put(client, 'a', [
                { timestamp: now - DAY - 10_000, message: 'expired-0' },
                { timestamp: now - DAY - 5_000, message: 'expired-1' },
                { timestamp: now - 10_000, message: 'kept' },
            ]);
            assert.deepEqual(r.rejectedLogEventsInfo, { expiredLogEventEndIndex: 2 });
            assert.equal(t.sink.counters.eventsStored, 1);
            assert.equal(t.sink.counters.eventsRejected, 2);
            const read = async () => ((await client.send(new GetLogEventsCommand({ logGroupName: 'app', logStreamName: 'a', startFromHead: true }))).events ?? []).map((e) => e.message ?? '');
            assert.deepEqual(await read(), ['kept']);
            clock.advance(DAY);
            assert.deepEqual(await read(), [], 'a day later the event is past the retention and gone');
            await client.send(new DeleteRetentionPolicyCommand({ logGroupName: 'app' }));
            assert.deepEqual(await read(), ['kept'], 'with no retention, nothing the sink kept has expired');
        });
        it('answers events older than 14 days with tooOldLogEventEndIndex and ones 2 hours ahead with tooNewLogEventStartIndex', async () => {
            const { client, clock } = await setup();
            const now = clock.now();
            const old = await put(client, 'a', events(2, now - 14 * DAY - 60_000, 'old'));
            assert.deepEqual(old.rejectedLogEventsInfo, { tooOldLogEventEndIndex: 2 });
            const mixed = await put(client, 'a', [
                { timestamp: now, message: 'now' },
                { timestamp: now + 2 * HOUR + 60_000, message: 'future' },
            ]);
            assert.deepEqual(mixed.rejectedLogEventsInfo, { tooNewLogEventStartIndex: 1 });
        });
    });
    describe('event size, by service generation', () => {
        const sized = (bytes) => ({ timestamp: Date.now(), message: 'x'.repeat(bytes - 26) });
        it('today (tokens ignored): events up to 1,048,576 bytes with the 26-byte overhead', async () => {
            const { client } = await setup({ sequenceTokens: 'ignored' }, new ManualClock(Date.now()));
            await put(client, 'a', [sized(1_048_576)]);
            await assert.rejects(put(client, 'b', [sized(1_048_577)]), (err) => {
                // Over 1 MiB the batch limit is crossed as well; the event check comes first, as on the wire.
                assert.ok(err instanceof InvalidParameterException);
                assert.equal(err.message, 'Log event too large: 1048577 bytes exceeds limit of 1048576');
                return true;
            });
        });
        it('before 2023 (tokens enforced): 262,144 bytes, the answer clients quote', async () => {
            const { client } = await setup({ sequenceTokens: 'enforced' }, new ManualClock(Date.now()));
            await put(client, 'a', [sized(262_144)]);
            await assert.rejects(put(client, 'b', [sized(262_145)]), (err) => {
                assert.ok(err instanceof InvalidParameterException);
                assert.equal(err.message, 'Log event too large: 262145 bytes exceeds limit of 262144');
                return true;
            });
        });
    });
    describe('per-stream quota, which went with the sequence tokens', () => {
        it('is off when tokens are ignored: 20 puts at one instant on one stream all succeed, with no token', async () => {
            const { client, clock } = await setup({ sequenceTokens: 'ignored', streamRate: 0 });
            for (let i = 0; i < 20; i++)
                await put(client, 'a', events(1, clock.now(), `p${i}`));
        });
        it('is 5/s with tokens enforced: the sixth put in the same instant is throttled', async () => {
            const { client, clock } = await setup({ sequenceTokens: 'enforced', streamRate: 5, streamBurst: 5 });
            let token;
            for (let i = 0; i < 5; i++) {
                token = (await client.send(new PutLogEventsCommand({ logGroupName: 'app', logStreamName: 'a', sequenceToken: token, logEvents: events(1, clock.now()) })))
                    .nextSequenceToken;
            }
            await assert.rejects(client.send(new PutLogEventsCommand({ logGroupName: 'app', logStreamName: 'a', sequenceToken: token, logEvents: events(1, clock.now()) })), ThrottlingException);
        });
    });
});
//# sourceMappingURL=cloudwatch-reads.test.js.map