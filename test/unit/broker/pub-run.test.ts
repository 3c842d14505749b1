import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MsgEncoder, msgPrefix } from '../../../src/systems/broker/msg-encoder.js';
import { encodeMsg, encodePub, encodeSub, FrameDecoder } from '../../../src/systems/broker/protocol.js';
import { PubRunScanner } from '../../../src/systems/broker/pub-run.js';

const payload = (i: number, n = 100): Buffer => Buffer.alloc(n, 0x41 + (i % 26));

/** A PUB frame whose seq field is NaN: valid framing, invalid content. */
function badSeq(topic: string): Buffer {
  const f = encodePub(topic, 0, 0, payload(0));
  f.writeDoubleBE(Number.NaN, 7 + Buffer.byteLength(topic));
  return f;
}

test('a PUB run ends where a frame differs in topic, size, type or validity, and at a partial frame', () => {
  const frames = [
    ...[0, 1, 2].map((i) => encodePub('t0', i, 10 + i, payload(i))),
    encodePub('t1', 3, 13, payload(3)), // another topic of the same length
    encodePub('t1', 4, 14, payload(4, 99)), // another size
    encodeSub('t1'), // another type
    encodePub('t1', 5, 15, payload(5, 99)),
    badSeq('t1'),
  ];
  const whole = Buffer.concat(frames);
  const d = new FrameDecoder();
  d.push(whole.subarray(0, whole.length - 1)); // the last frame is partial
  const scan = new PubRunScanner();
  const runs: [string, number][] = [];
  for (;;) {
    if (scan.peek(d)) {
      const n = scan.count(d, Infinity);
      if (n > 0) {
        runs.push([scan.topic, n]);
        d.consume(n * scan.frameSize);
        continue;
      }
    }
    const f = d.next();
    if (!f) break;
    runs.push([f.type, 1]);
  }
  assert.deepEqual(runs, [['t0', 3], ['t1', 1], ['t1', 1], ['sub', 1], ['t1', 1]]);
  d.push(whole.subarray(whole.length - 1));
  assert.equal(scan.peek(d), true, 'whole now, and framed as a PUB');
  assert.equal(scan.count(d, Infinity), 0, 'but not valid: left to the decoder, which says why');
  assert.throws(() => d.next(), /PUB frame carries a non-finite number/);
  const limited = new FrameDecoder();
  limited.push(whole);
  assert.equal(scan.peek(limited) && scan.count(limited, 2), 2, 'no longer than asked');
});

test('MSG frames encoded from a run read in place are byte for byte what encodeMsg gives, across slabs', () => {
  const n = 1200; // more than a 64 KiB slab holds at these sizes
  const src = Buffer.concat(Array.from({ length: n }, (_, i) => encodePub('topic-α', i, 1_700_000_000_000 + i / 3, payload(i))));
  const pubSize = encodePub('topic-α', 0, 0, payload(0)).length;
  const bodyAt = 7 + Buffer.byteLength('topic-α');
  const prefix = msgPrefix('topic-α', 'pub-7');
  const encoder = new MsgEncoder();
  encoder.encode(prefix, 0, 0, payload(0, 5)); // a slab already in use
  const got: Buffer[] = [];
  for (let done = 0; done < n; ) {
    const k = encoder.encodeRun(prefix, src, done * pubSize, pubSize, bodyAt, n - done);
    assert.ok(k > 0);
    for (let j = 0; j < k; j++) got.push(encoder.slab.subarray(encoder.at + j * encoder.size, encoder.at + (j + 1) * encoder.size));
    done += k;
  }
  assert.equal(got.length, n);
  got.forEach((frame, i) => assert.deepEqual(frame, encodeMsg('topic-α', 'pub-7', i, 1_700_000_000_000 + i / 3, payload(i)), `frame ${i}`));
});
