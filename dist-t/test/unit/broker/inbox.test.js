import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createInbox } from '../../../src/systems/broker/create-inbox.js';
function msg(seq, routedAt = 0, bytes = 100) {
    return { slab: Buffer.alloc(bytes), at: 0, size: bytes, publisherId: 'p', seq, routedAt, origin: undefined };
}
test('block queues everything and says full at its limit', () => {
    const inbox = createInbox({ kind: 'block', limit: { messages: 3 } });
    for (let i = 0; i < 5; i++)
        assert.equal(inbox.offer(msg(i), 0).kind, 'queued');
    assert.equal(inbox.full, true);
    assert.deepEqual(inbox.take(250).map((m) => m.seq), [0, 1], 'by bytes, oldest first');
    assert.equal(inbox.full, true);
    inbox.take(100);
    assert.equal(inbox.full, false);
    assert.deepEqual([inbox.messages, inbox.bytes], [2, 200]);
});
test('drop-newest drops exactly what does not fit, by messages or bytes', () => {
    const byCount = createInbox({ kind: 'drop-newest', limit: { messages: 2 } });
    assert.deepEqual([0, 1, 2, 3].map((i) => byCount.offer(msg(i), 0).kind), ['queued', 'queued', 'dropped', 'dropped']);
    assert.deepEqual(byCount.take(1e9).map((m) => m.seq), [0, 1]);
    assert.equal(byCount.offer(msg(4), 0).kind, 'queued');
    const byBytes = createInbox({ kind: 'drop-newest', limit: { bytes: 250 } });
    assert.deepEqual([0, 1, 2, 3].map((i) => byBytes.offer(msg(i), 0).kind), ['queued', 'queued', 'queued', 'dropped']);
    assert.equal(byBytes.full, false, 'drop-newest never holds publishers back');
});
test('disconnect: at once past the hard limit', () => {
    const inbox = createInbox({ kind: 'disconnect', hard: { bytes: 300 } });
    assert.deepEqual([0, 1, 2].map((i) => inbox.offer(msg(i), 0).kind), ['queued', 'queued', 'queued']);
    const v = inbox.offer(msg(3), 0);
    assert.equal(v.kind, 'disconnect');
    assert.match(v.kind === 'disconnect' ? v.reason : '', /hard limit 300 bytes exceeded/);
    assert.equal(inbox.messages, 3, 'the inbox never holds more than the hard limit');
});
test('disconnect: over the soft limit continuously for softForMs', () => {
    const inbox = createInbox({ kind: 'disconnect', soft: { messages: 2 }, softForMs: 1000 });
    for (let i = 0; i < 3; i++)
        inbox.offer(msg(i), 0);
    assert.equal(inbox.check(999), undefined);
    inbox.take(100); // back to 2: at the limit, not over it; the clock restarts
    assert.equal(inbox.check(1500), undefined);
    inbox.offer(msg(3), 2000);
    assert.equal(inbox.check(2999), undefined);
    assert.match(inbox.check(3000) ?? '', /soft limit 2 messages exceeded for 1000 ms/);
    assert.throws(() => createInbox({ kind: 'disconnect' }), /hard limit, a soft limit, or both/);
});
test('elastic hands over its whole batch and disconnects on lag or at its bound', () => {
    const inbox = createInbox({ kind: 'elastic', lagMs: 500, limit: { messages: 4 } });
    for (let i = 0; i < 3; i++)
        assert.equal(inbox.offer(msg(i, i * 100), i * 100).kind, 'queued');
    assert.deepEqual(inbox.take(1).map((m) => m.seq), [0, 1, 2], 'the batch, whatever maxBytes says');
    assert.equal(inbox.messages, 0);
    inbox.offer(msg(3, 1000), 1000);
    assert.equal(inbox.check(1500), undefined);
    assert.match(inbox.check(1501) ?? '', /lagging 501 ms behind/);
    for (let i = 4; i < 7; i++)
        inbox.offer(msg(i, 1000), 1000);
    assert.equal(inbox.offer(msg(7, 1000), 1000).kind, 'disconnect', 'a fifth message would pass the bound of 4');
});
test('unbounded keeps everything', () => {
    const inbox = createInbox({ kind: 'unbounded' });
    for (let i = 0; i < 10_000; i++)
        inbox.offer(msg(i), 0);
    assert.equal(inbox.check(1e12), undefined);
    assert.deepEqual([inbox.messages, inbox.bytes, inbox.full], [10_000, 1_000_000, false]);
    const all = inbox.clear();
    assert.equal(all.length, 10_000);
    assert.ok(all.every((m, i) => m.seq === i), 'in order');
});
//# sourceMappingURL=inbox.test.js.map