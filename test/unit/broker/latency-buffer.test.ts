import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LatencyBuffer } from '../../../src/systems/broker/messages.js';

test('LatencyBuffer: every value recorded comes out once, in order, per link, past its initial room', () => {
  const b = new LatencyBuffer(['a', 'b']);
  const expectedA = Array.from({ length: 5000 }, (_, i) => i * 0.5);
  for (const v of expectedA) b.record(0, v);
  b.record(1, 7);
  b.record(2, 9); // no such link: ignored
  const [first, buffers] = b.take();
  assert.deepEqual([...(first.a ?? [])], expectedA);
  assert.deepEqual([...(first.b ?? [])], [7]);
  assert.deepEqual(Object.keys(first), ['a', 'b']);
  assert.equal(buffers.length, 2);
  // The next period starts empty, and what was taken is not overwritten by it.
  b.record(0, 42);
  const [second] = b.take();
  assert.deepEqual([...(second.a ?? [])], [42]);
  assert.deepEqual([...(second.b ?? [])], []);
  assert.equal(first.a?.[0], 0);
});
