import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { QueuedRun } from '../../../src/systems/broker/inbox.js';
import { MessageQueue } from '../../../src/systems/broker/message-queue.js';

/** `count` messages of `size` bytes; each message's number is `at / size` plus its place in the run. */
function run(first: number, count: number, size: number): QueuedRun {
  return { slab: Buffer.alloc(0), at: first * size, size, count, publisherId: 'p', routedAt: 0, origin: undefined };
}

interface Msg {
  n: number;
  size: number;
}

function messages(runs: QueuedRun[]): Msg[] {
  return runs.flatMap((r) => Array.from({ length: r.count }, (_, k) => ({ n: r.at / r.size + k, size: r.size })));
}

test('a message queue stays FIFO with exact counts across wrap-arounds, growth and runs split by takes', () => {
  const q = new MessageQueue();
  // A plain array of messages as the model: push appends, a take removes from the front while under the byte budget.
  const model: Msg[] = [];
  let next = 0;
  let most = 0;
  // Runs of 1..4 messages of sizes 1..7 and takes of varying budgets make the ring wrap many times, grow
  // (past 64, 128, 256 runs held) and split runs.
  for (let round = 0; round < 400; round++) {
    const pushes = round < 100 ? 5 : round < 200 ? 1 : 3;
    for (let k = 0; k < pushes; k++) {
      const r = run(next, 1 + (next % 4), (next % 7) + 1);
      next += r.count;
      q.push(r);
      model.push(...messages([r]));
    }
    most = Math.max(most, model.length);
    const budget = (round % 5) * 6;
    const taken = q.shift(budget);
    let n = 0;
    let bytes = 0;
    while (n < model.length && (n === 0 || bytes + (model[n] as Msg).size <= budget)) bytes += (model[n++] as Msg).size;
    assert.deepEqual(messages(taken), model.splice(0, n), `round ${round}`);
    assert.equal(q.length, model.length);
    assert.equal(q.bytes, model.reduce((a, m) => a + m.size, 0));
    assert.deepEqual(q.peek() ? messages([q.peek() as QueuedRun])[0] : undefined, model[0]);
  }
  assert.ok(most > 256, `the queue held enough to grow twice (at most ${most} messages)`);
  assert.deepEqual(messages(q.clear()), model);
  assert.deepEqual([q.length, q.bytes, q.peek()], [0, 0, undefined]);
  assert.deepEqual(q.shift(100), []);
});

test('a take stretched to a credit takes a run that starts within its budget on, while its messages start below the credit', () => {
  const q = new MessageQueue();
  for (const r of [run(0, 3, 10), run(3, 5, 10), run(8, 2, 10)]) q.push(r);
  // 30 bytes end exactly with the first run; the second starts past the budget.
  assert.deepEqual(messages(q.shift(30, 1000)).map((m) => m.n), [0, 1, 2]);
  // The second run starts within 35 bytes and is taken on to the credit of 41 bytes: messages at 0..40 start below it.
  assert.deepEqual(messages(q.shift(35, 41)).map((m) => m.n), [3, 4, 5, 6, 7]);
  q.push(run(10, 4, 10));
  // Stretched to 1000, the run in which the budget falls is taken whole, and no further run.
  assert.deepEqual(messages(q.shift(5, 1000)).map((m) => m.n), [8, 9]);
  assert.deepEqual(messages(q.shift(15, 25)).map((m) => m.n), [10, 11, 12], 'to the credit: messages starting at 0, 10 and 20');
  assert.deepEqual([q.length, q.bytes], [1, 10]);
});
