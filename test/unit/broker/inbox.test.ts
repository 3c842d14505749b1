import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createInbox } from '../../../src/systems/broker/create-inbox.js';
import type { InboxOptions, InboxPolicy, InboxVerdict, QueuedRun } from '../../../src/systems/broker/inbox.js';
import { Random } from '../../../src/core/random.js';

const SLAB = Buffer.alloc(0);

/** Messages number `from` … `from + count - 1` of `size` bytes each; a message's number is its place in a notional slab. */
function run(from: number, count: number, routedAt = 0, size = 100): QueuedRun {
  return { slab: SLAB, at: from * size, size, count, publisherId: 'p', routedAt, origin: undefined };
}

function msg(n: number, routedAt = 0, size = 100): QueuedRun {
  return run(n, 1, routedAt, size);
}

/** The numbers of the messages in these runs, in order. */
function numbers(runs: QueuedRun[]): number[] {
  return runs.flatMap((r) => Array.from({ length: r.count }, (_, k) => r.at / r.size + k));
}

function kind(v: InboxVerdict): string {
  return v.disconnect !== undefined ? 'disconnect' : v.queued === 1 ? 'queued' : 'dropped';
}

test('block queues everything and says full at its limit', () => {
  const inbox = createInbox({ kind: 'block', limit: { messages: 3 } });
  assert.equal(inbox.roomBeforeFull(100), 3);
  for (let i = 0; i < 5; i++) assert.equal(kind(inbox.offer(msg(i), 0)), 'queued');
  assert.equal(inbox.full, true);
  assert.equal(inbox.roomBeforeFull(100), 0);
  assert.deepEqual(numbers(inbox.take(250)), [0, 1], 'by bytes, oldest first');
  assert.equal(inbox.full, true);
  inbox.take(100);
  assert.equal(inbox.full, false);
  assert.deepEqual([inbox.messages, inbox.bytes], [2, 200]);
  const byBytes = createInbox({ kind: 'block', limit: { bytes: 250 } });
  assert.equal(byBytes.roomBeforeFull(100), 3, 'offered at 0, 100 and 200 bytes held: the third fills it');
});

test('drop-newest drops exactly what does not fit, by messages or bytes', () => {
  const byCount = createInbox({ kind: 'drop-newest', limit: { messages: 2 } });
  assert.deepEqual([0, 1, 2, 3].map((i) => kind(byCount.offer(msg(i), 0))), ['queued', 'queued', 'dropped', 'dropped']);
  assert.deepEqual(numbers(byCount.take(1e9)), [0, 1]);
  assert.equal(kind(byCount.offer(msg(4), 0)), 'queued');
  const byBytes = createInbox({ kind: 'drop-newest', limit: { bytes: 250 } });
  assert.deepEqual([0, 1, 2, 3].map((i) => kind(byBytes.offer(msg(i), 0))), ['queued', 'queued', 'queued', 'dropped']);
  assert.equal(byBytes.full, false, 'drop-newest never holds publishers back');
  const runs = createInbox({ kind: 'drop-newest', limit: { messages: 5 } });
  assert.deepEqual(runs.offer(run(0, 8), 0), { queued: 5, disconnect: undefined }, 'a run: the first five are queued, three dropped');
  assert.deepEqual(numbers(runs.take(1e9)), [0, 1, 2, 3, 4]);
});

test('disconnect: at once past the hard limit', () => {
  const inbox = createInbox({ kind: 'disconnect', hard: { bytes: 300 } });
  assert.deepEqual([0, 1, 2].map((i) => kind(inbox.offer(msg(i), 0))), ['queued', 'queued', 'queued']);
  const v = inbox.offer(msg(3), 0);
  assert.equal(kind(v), 'disconnect');
  assert.equal(v.queued, 0, 'the message that breaks the hard limit is not queued');
  assert.match(v.disconnect ?? '', /hard limit 300 bytes exceeded/);
  assert.equal(inbox.messages, 3, 'the inbox never holds more than the hard limit');
});

test('disconnect: over the soft limit continuously for softForMs', () => {
  const inbox = createInbox({ kind: 'disconnect', soft: { messages: 2 }, softForMs: 1000 });
  for (let i = 0; i < 3; i++) inbox.offer(msg(i), 0);
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
  for (let i = 0; i < 3; i++) assert.equal(kind(inbox.offer(msg(i, i * 100), i * 100)), 'queued');
  assert.deepEqual(numbers(inbox.take(1)), [0, 1, 2], 'the batch, whatever maxBytes says');
  assert.equal(inbox.messages, 0);
  inbox.offer(msg(3, 1000), 1000);
  assert.equal(inbox.check(1500), undefined);
  assert.match(inbox.check(1501) ?? '', /lagging 501 ms behind/);
  for (let i = 4; i < 7; i++) inbox.offer(msg(i, 1000), 1000);
  assert.equal(kind(inbox.offer(msg(7, 1000), 1000)), 'disconnect', 'a fifth message would pass the bound of 4');
});

test('unbounded keeps everything', () => {
  const inbox = createInbox({ kind: 'unbounded' });
  for (let i = 0; i < 10_000; i++) inbox.offer(msg(i), 0);
  assert.equal(inbox.check(1e12), undefined);
  assert.deepEqual([inbox.messages, inbox.bytes, inbox.full], [10_000, 1_000_000, false]);
  const all = inbox.clear();
  assert.equal(numbers(all).length, 10_000);
  assert.ok(numbers(all).every((m, i) => m === i), 'in order');
});

/** What offering messages one by one gives, summed as a run's verdict says it (inbox.ts InboxVerdict). */
function offerOneByOne(inbox: InboxPolicy, r: QueuedRun, now: number): InboxVerdict {
  let queued = 0;
  for (let k = 0; k < r.count; k++) {
    assert.equal(inbox.full, false, 'a message offered to a full inbox: the broker would have stopped reading before it');
    const v = inbox.offer(run(r.at / r.size + k, 1, r.routedAt, r.size), now);
    queued += v.queued;
    if (v.disconnect !== undefined) return { queued, disconnect: v.disconnect };
    if (v.queued === 0) return { queued, disconnect: undefined }; // dropped: every later one is too (nothing is taken between)
  }
  return { queued, disconnect: undefined };
}

test('a run offered at once is judged exactly as its messages one by one, for every policy', () => {
  const policies: InboxOptions[] = [
    { kind: 'block', limit: { messages: 40 } },
    { kind: 'block', limit: { bytes: 3000 } },
    { kind: 'drop-newest', limit: { messages: 30, bytes: 2500 } },
    { kind: 'disconnect', hard: { messages: 60 }, soft: { bytes: 2000 }, softForMs: 30 },
    { kind: 'disconnect', soft: { messages: 10 } },
    { kind: 'elastic', lagMs: 25, limit: { bytes: 4000 } },
    { kind: 'unbounded' },
  ];
  for (const options of policies) {
    const random = new Random(7);
    const [whole, single] = [createInbox(options), createInbox(options)];
    let next = 0;
    let disconnects = 0;
    for (let step = 0; step < 3000; step++) {
      const now = step * 3;
      const label = `${JSON.stringify(options)} step ${step}`;
      const size = 50 + (random.nextUint32() % 3) * 25;
      const r = run(next, 1 + (random.nextUint32() % 12), now - (random.nextUint32() % 2) * 5, size);
      // The broker routes no longer a run than the fullest inbox has room for (block), and reads nothing
      // while one is full: one by one, no message of the run may find the inbox full, and a run as long
      // as the room fills it.
      const room = whole.roomBeforeFull(size);
      assert.equal(room === 0, whole.full, `${label}: no room only when full`);
      if (whole.full) {
        whole.take(1e9);
        single.take(1e9);
        continue;
      }
      const offered = { ...r, count: Math.min(r.count, room) };
      next += offered.count;
      const got = whole.offer(offered, now);
      assert.deepEqual(got, offerOneByOne(single, offered, now), label);
      if (offered.count === room) assert.equal(whole.full, true, `${label}: a run as long as the room fills the inbox`);
      if (got.disconnect !== undefined) {
        disconnects += 1;
        assert.deepEqual(numbers(whole.clear()), numbers(single.clear()), `${label}: what is cut`);
      }
      assert.deepEqual([whole.messages, whole.bytes, whole.full, whole.check(now + 1)], [single.messages, single.bytes, single.full, single.check(now + 1)], label);
      if (random.nextUint32() % 3 === 0) {
        const budget = random.nextUint32() % 900;
        assert.deepEqual(numbers(whole.take(budget)), numbers(single.take(budget)), `${label}: take`);
      }
    }
    if (options.kind === 'disconnect' || options.kind === 'elastic') assert.ok(disconnects > 3, `${options.kind}: disconnected ${disconnects} times`);
  }
});
