import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wallClock } from '../../../src/core/clock.js';
import { readHeader } from '../../../src/systems/broker/servers/message-format.js';
import { RatePublisher } from '../../../src/systems/broker/servers/rate-publisher.js';
import type { PublishClient } from '../../../src/systems/broker/servers/real-broker.js';

test('rate publisher: behind its schedule, it publishes in batches and lets I/O run between them; every message in order', async () => {
  const seqs: number[] = [];
  // Stands where the broker's npm client stands: it takes each message and never waits.
  const client: PublishClient = { publish: (_topic, message) => void seqs.push(readHeader(message)!.seq), unanswered: 0, flush: () => Promise.resolve(), close: () => Promise.resolve() };
  // 10 million messages per second: far more than any loop publishes, so it is behind from its second turn on.
  const publisher = new RatePublisher({ index: 0, client, clock: wallClock, topic: 't', rate: 10_000_000, payload: Buffer.alloc(8) });
  publisher.start();
  // Between two I/O callbacks (a socket read would run in the same phase) at most one batch is published.
  const perTurn: number[] = [];
  let last = seqs.length;
  while (seqs.length < 20_000) {
    await new Promise((resolve) => setImmediate(resolve));
    perTurn.push(seqs.length - last);
    last = seqs.length;
  }
  publisher.stopInput();
  const sent = seqs.length;
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(seqs.length, sent, 'nothing after stopInput');
  assert.equal(publisher.sent, sent);
  assert.ok(Math.max(...perTurn) <= 1000, `most published between two turns: ${Math.max(...perTurn)}`);
  assert.deepEqual(seqs, Array.from({ length: sent }, (_, k) => k));
});
