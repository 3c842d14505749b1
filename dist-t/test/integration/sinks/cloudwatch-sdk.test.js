import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, DescribeLogGroupsCommand, DescribeLogStreamsCommand, InvalidSequenceTokenException, PutLogEventsCommand, PutRetentionPolicyCommand, ResourceAlreadyExistsException, ResourceNotFoundException, } from '@aws-sdk/client-cloudwatch-logs';
import { events, startTestSink } from '../../helpers/sink-http.js';
describe('CloudWatch sink with the AWS SDK v3 client', { timeout: 30_000 }, () => {
    let t;
    let client;
    const accepted = [];
    before(async () => {
        t = await startTestSink();
        t.sink.onAccepted((b) => accepted.push(b));
        client = new CloudWatchLogsClient({
            endpoint: t.address.url,
            region: 'us-east-1',
            credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
            maxAttempts: 1,
        });
    });
    after(async () => {
        client.destroy();
        await t.stop();
    });
    it('creates a group and a stream, and answers ResourceAlreadyExists the second time', async () => {
        await client.send(new CreateLogGroupCommand({ logGroupName: 'app' }));
        await client.send(new CreateLogStreamCommand({ logGroupName: 'app', logStreamName: 'i-0' }));
        await assert.rejects(client.send(new CreateLogGroupCommand({ logGroupName: 'app' })), ResourceAlreadyExistsException);
        await assert.rejects(client.send(new CreateLogStreamCommand({ logGroupName: 'app', logStreamName: 'i-0' })), ResourceAlreadyExistsException);
        await client.send(new PutRetentionPolicyCommand({ logGroupName: 'app', retentionInDays: 7 }));
    });
    it('answers ResourceNotFound for a missing group or stream', async () => {
        await assert.rejects(client.send(new CreateLogStreamCommand({ logGroupName: 'nope', logStreamName: 's' })), ResourceNotFoundException);
        await assert.rejects(client.send(new PutLogEventsCommand({ logGroupName: 'app', logStreamName: 'missing', logEvents: events(1) })), ResourceNotFoundException);
    });
    it('puts without a token, then with the returned token; a wrong token is InvalidSequenceToken with the expected one', async () => {
        const first = await client.send(new PutLogEventsCommand({ logGroupName: 'app', logStreamName: 'i-0', logEvents: events(3, Date.now(), 'a') }));
        assert.match(first.nextSequenceToken ?? '', /^\d+$/);
        assert.ok(first.$metadata.requestId, 'x-amzn-RequestId is exposed as the request id');
        const second = await client.send(new PutLogEventsCommand({ logGroupName: 'app', logStreamName: 'i-0', sequenceToken: first.nextSequenceToken, logEvents: events(2, Date.now(), 'b') }));
        assert.notEqual(second.nextSequenceToken, first.nextSequenceToken);
        const err = await client
            .send(new PutLogEventsCommand({ logGroupName: 'app', logStreamName: 'i-0', sequenceToken: '123', logEvents: events(1, Date.now(), 'c') }))
            .then(() => assert.fail('a wrong token must be refused'), (e) => e);
        assert.ok(err instanceof InvalidSequenceTokenException);
        assert.equal(err.expectedSequenceToken, second.nextSequenceToken);
        assert.equal(err.message, `The given sequenceToken is invalid. The next expected sequenceToken is: ${second.nextSequenceToken}`);
        await client.send(new PutLogEventsCommand({ logGroupName: 'app', logStreamName: 'i-0', sequenceToken: err.expectedSequenceToken, logEvents: events(1, Date.now(), 'c') }));
        assert.deepEqual(accepted.map((b) => b.events.map((e) => e.message)), [['a-0', 'a-1', 'a-2'], ['b-0', 'b-1'], ['c-0']]);
        assert.ok(accepted.every((b) => b.group === 'app' && b.stream === 'i-0' && typeof b.receivedAt === 'number'));
    });
    it('describes groups and streams', async () => {
        const groups = await client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'ap' }));
        assert.deepEqual(groups.logGroups?.map((g) => [g.logGroupName, g.retentionInDays]), [['app', 7]]);
        const streams = await client.send(new DescribeLogStreamsCommand({ logGroupName: 'app' }));
        assert.equal(streams.logStreams?.[0]?.logStreamName, 'i-0');
        assert.equal(streams.logStreams?.[0]?.uploadSequenceToken, t.sink.streams()[0]?.nextSequenceToken);
        assert.equal(t.sink.counters.requests.PutLogEvents.ok, 3);
        assert.equal(t.sink.counters.requests.PutLogEvents.invalidSequenceToken, 1);
    });
});
//# sourceMappingURL=cloudwatch-sdk.test.js.map