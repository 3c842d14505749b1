import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { QueuedMessage } from '../../../src/systems/broker/inbox.js';
import { MessageQueue } from '../../../src/systems/broker/message-queue.js';

function msg(seq: number, size: number): QueuedMessage {
  return { slab: Buffer.alloc(0), at: 0, size, publisherId: 'p', seq, routedAt: 0, origin: undefined };
}

test('a message queue stays FIFO with exact counts across wrap-arounds and growth', () => {
  const q = new MessageQueue();
  // A plain array as the model: push appends, a take removes from the front while under the byte budget.
  const model: QueuedMessage[] = [];
  let seq = 0;
  let most = 0;
  // Sizes 1..7 and takes of varying budgets make the ring wrap many times and grow (past 64, 128, 256 held).
  for (let round = 0; round < 400; round++) {
    const pushes = round < 100 ? 5 : round < 200 ? 1 : 3;
    for (let k = 0; k < pushes; k++) {
      const m = msg(seq, (seq % 7) + 1);
      seq += 1;
      q.push(m);
      model.push(m);
    }
    most = Math.max(most, model.length);
    const budget = (round % 5) * 6;
    const taken = q.shift(budget);
    let n = 0;
    let bytes = 0;
    while (n < model.length && (n === 0 || bytes + (model[n] as QueuedMessage).size <= budget)) bytes += (model[n++] as QueuedMessage).size;
    assert.deepEqual(taken.map((m) => m.seq), model.splice(0, n).map((m) => m.seq), `round ${round}`);
    assert.equal(q.length, model.length);
    assert.equal(q.bytes, model.reduce((a, m) => a + m.size, 0));
    assert.equal(q.peek()?.seq, model[0]?.seq);
  }
  assert.ok(most > 128, `the queue held enough to grow twice (at most ${most})`);
  assert.deepEqual(q.clear().map((m) => m.seq), model.map((m) => m.seq));
  assert.deepEqual([q.length, q.bytes, q.peek()], [0, 0, undefined]);
  assert.deepEqual(q.shift(100), []);
});
