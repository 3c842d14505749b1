import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wallClock } from '../../../src/core/clock.js';
import { createCloudWatchSink } from '../../../src/sinks/cloudwatch/server.js';
import { RecordMessageWriter, formatRecordMessage, parseRecordMessage } from '../../../src/delivery/record-message.js';
import { Chunk } from '../../../src/systems/forwarder/chunk.js';
import { CloudWatchOutput } from '../../../src/systems/forwarder/cloudwatch-output.js';
import { AsyncStack } from '../../../src/systems/forwarder/network/async-stack.js';
import { SyncStack } from '../../../src/systems/forwarder/network/sync-stack.js';
const NET = { stack: 'async', keepalive: true, keepaliveIdleTimeout: 4000, connectTimeout: 2000, ioTimeout: 5000, dnsTimeout: 2000 };
/** Flushes `chunks` through a real output and stack into a real sink; returns the messages it stored, in order. */
async function deliver(stack, group, stream, chunks, tls = false) {
    const sink = createCloudWatchSink({ kind: 'cloudwatch', streamRate: 0, streamBurst: 1, idleTimeout: 6000, latency: 0, sequenceTokens: 'enforced', tls }, wallClock);
    const stored = [];
    sink.onAccepted((b) => stored.push(...b.events.map((e) => e.message)));
    const { url, ca } = await sink.start();
    if (tls)
        assert.match(url, /^https:/);
    const options = { origin: url, net: { ...NET, stack }, clock: wallClock, ...(ca !== undefined ? { ca } : {}) };
    const net = stack === 'sync' ? new SyncStack(options) : new AsyncStack(options);
    const output = new CloudWatchOutput({ kind: 'cloudwatch', logGroup: group, logStreamPrefix: 's', autoCreateGroup: true }, stream, net, wallClock, () => { });
    try {
        for (const c of chunks)
            assert.equal(await output.flush(c), 'ok');
        return stored;
    }
    finally {
        await net.destroy();
        await sink.stop();
    }
}
test('messages that need JSON escaping arrive as they were written, on both stacks', { timeout: 20_000 }, async () => {
    const messages = ['plain', 'a "quoted" word', 'back\\slash', 'tab\there\nnewline', 'ünïcödé ✓ 日本', '\u0001 control', '😀 astral'];
    for (const stack of ['async', 'sync']) {
        const c = new Chunk(1);
        const now = Date.now();
        messages.forEach((m, i) => c.append(i, now + i, m));
        assert.deepEqual(await deliver(stack, 'g', 'escape', [c]), messages, stack);
    }
});
test('both stacks speak HTTPS to a TLS sink, trusting its CA, with sequence tokens', { timeout: 20_000 }, async () => {
    for (const stack of ['async', 'sync']) {
        const a = new Chunk(1);
        const b = new Chunk(2);
        const now = Date.now();
        a.append(0, now, 'first');
        b.append(1, now + 1, 'second');
        // Two flushes: the second carries the token the first returned, over the kept-alive TLS connection.
        assert.deepEqual(await deliver(stack, 'g', 'tls', [a, b], true), ['first', 'second'], stack);
    }
});
test('a head too long for the room kept before the events is still sent whole, and a retry resends the same events', { timeout: 20_000 }, async () => {
    // Group and stream names at their 512-character limit make a head of more than 1 KB.
    const group = 'g'.repeat(512);
    const stream = 's'.repeat(512);
    const writer = new RecordMessageWriter('x', 40);
    const a = new Chunk(1);
    const b = new Chunk(2);
    const now = Date.now();
    for (let i = 0; i < 50; i++)
        (i < 25 ? a : b).append(i, now + i, writer.set(i, now + i));
    // Flushing `a` twice sends the same prepared bytes twice, under two different sequence tokens.
    const stored = await deliver('async', group, stream, [a, a, b]);
    const expected = Array.from({ length: 50 }, (_, i) => formatRecordMessage('x', i, now + i, 40));
    assert.deepEqual(stored, [...expected.slice(0, 25), ...expected]);
});
test('a chunk past the 10,000-event limit goes out as several batches, each whole and in order', { timeout: 20_000 }, async () => {
    const writer = new RecordMessageWriter('many', 30);
    const c = new Chunk(1);
    const now = Date.now();
    for (let i = 0; i < 23_456; i++)
        c.append(i, now, writer.set(i, now));
    const stored = await deliver('sync', 'g', 'many', [c]);
    assert.equal(stored.length, 23_456);
    assert.deepEqual(stored.map((m) => parseRecordMessage(m)?.seq), Array.from({ length: 23_456 }, (_, i) => i));
    assert.deepEqual(c.prepared?.map((b) => b.to - b.from), [10_000, 10_000, 3456]);
});
//# sourceMappingURL=cloudwatch-output.test.js.map