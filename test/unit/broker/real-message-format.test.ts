import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HEADER_BYTES, messageTemplate, readHeader, stamp } from '../../../src/systems/broker/servers/message-format.js';

test('real-broker messages: the header is read back from the big-endian bytes, wherever the message sits in its buffer', () => {
  const cases = [
    { publisher: 0, seq: 0, scheduledAt: 0 },
    { publisher: 7, seq: 2 ** 31 + 5, scheduledAt: 1_796_680_854_352.8945 },
    { publisher: 2 ** 32 - 1, seq: 2 ** 32 - 1, scheduledAt: -0.5 },
  ];
  for (const header of cases) {
    // Written independently of stamp(): Node's own big-endian writers, at an odd offset of a larger buffer
    // (a client hands over a view into its read buffer).
    const whole = Buffer.alloc(3 + HEADER_BYTES + 4, 0xee);
    whole.writeUInt32BE(header.publisher, 3);
    whole.writeUInt32BE(header.seq, 7);
    whole.writeDoubleBE(header.scheduledAt, 11);
    const view = new Uint8Array(whole.buffer, whole.byteOffset + 3, HEADER_BYTES + 4);
    assert.deepEqual(readHeader(view), header);
  }
  assert.equal(readHeader(new Uint8Array(HEADER_BYTES - 1)), undefined);
});

test('real-broker messages: stamp writes the header before the template\'s payload, in a fresh buffer each time', () => {
  const template = messageTemplate(Buffer.from('payload'));
  const a = stamp(template, { publisher: 1, seq: 2, scheduledAt: 3.25 });
  const b = stamp(template, { publisher: 4, seq: 5, scheduledAt: 6.5 });
  assert.deepEqual(readHeader(a), { publisher: 1, seq: 2, scheduledAt: 3.25 });
  assert.deepEqual(readHeader(b), { publisher: 4, seq: 5, scheduledAt: 6.5 });
  assert.equal(a.subarray(HEADER_BYTES).toString(), 'payload');
  assert.equal(a.readDoubleBE(8), 3.25);
});
