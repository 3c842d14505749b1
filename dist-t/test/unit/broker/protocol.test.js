import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeAck, encodeCredit, encodeError, encodeHello, encodeMsg, encodePub, encodeSub, encodeSuback, encodeWelcome, FrameDecoder, ProtocolError, Role, } from '../../../src/systems/broker/protocol.js';
const payload = Buffer.from('hello, subscriber ✓');
/** How a decoded payload comes out: a Uint8Array view of the bytes (protocol.ts). */
const decoded = (b) => new Uint8Array(b);
const frames = [
    encodeHello(Role.publish | Role.subscribe, 16, 'client-é'),
    encodeWelcome(16),
    encodeSub('t0'),
    encodeSuback('t0'),
    encodePub('t0', 41, 1_700_000_000_123.5, payload),
    encodeMsg('t0', 'pub-1', 2 ** 40, 1_700_000_000_124.25, payload),
    encodeAck(3),
    encodeError('slow consumer'),
    encodeCredit(65536),
    encodePub('t1', 0, 0, Buffer.alloc(0)),
];
const expected = [
    { type: 'hello', roles: 3, slots: 16, id: 'client-é' },
    { type: 'welcome', slots: 16 },
    { type: 'sub', topic: 't0' },
    { type: 'suback', topic: 't0' },
    { type: 'pub', topic: 't0', seq: 41, scheduledAt: 1_700_000_000_123.5, payload: decoded(payload) },
    { type: 'msg', topic: 't0', publisherId: 'pub-1', seq: 2 ** 40, scheduledAt: 1_700_000_000_124.25, payload: decoded(payload), size: frames[5].length },
    { type: 'ack', count: 3 },
    { type: 'error', message: 'slow consumer' },
    { type: 'credit', bytes: 65536 },
    { type: 'pub', topic: 't1', seq: 0, scheduledAt: 0, payload: new Uint8Array(0) },
];
function drain(d) {
    const out = [];
    for (let f = d.next(); f; f = d.next())
        out.push(f);
    return out;
}
test('every frame type survives encode and decode', () => {
    const d = new FrameDecoder();
    for (const f of frames)
        d.push(f);
    assert.deepEqual(drain(d), expected);
    assert.equal(d.buffered, 0);
});
test('frames merged into one chunk come out one by one', () => {
    const d = new FrameDecoder();
    d.push(Buffer.concat(frames));
    assert.deepEqual(drain(d), expected);
});
test('frames split at every byte boundary come out whole', () => {
    const all = Buffer.concat(frames);
    const d = new FrameDecoder();
    const out = [];
    for (let i = 0; i < all.length; i++) {
        d.push(all.subarray(i, i + 1));
        out.push(...drain(d));
    }
    assert.deepEqual(out, expected);
});
test('frames split at random points and merged across chunks come out whole', () => {
    const all = Buffer.concat([...frames, ...frames, ...frames]);
    let seed = 7;
    const rnd = (n) => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % n;
    };
    for (let round = 0; round < 50; round++) {
        const d = new FrameDecoder();
        const out = [];
        for (let at = 0; at < all.length;) {
            const n = 1 + rnd(40);
            d.push(all.subarray(at, at + n));
            at += n;
            out.push(...drain(d));
        }
        assert.deepEqual(out, [...expected, ...expected, ...expected]);
    }
});
test('a reader may stop taking frames and resume later without losing any', () => {
    const d = new FrameDecoder();
    d.push(Buffer.concat(frames.slice(0, 5)));
    assert.deepEqual(d.next(), expected[0]);
    assert.equal(d.peekSize(), frames[1].length);
    d.push(Buffer.concat(frames.slice(5)));
    assert.deepEqual(drain(d), expected.slice(1));
});
function garbage(bytes, pattern) {
    const d = new FrameDecoder(1024);
    d.push(bytes);
    assert.throws(() => d.next(), (e) => e instanceof ProtocolError && pattern.test(e.message));
    assert.throws(() => d.next(), ProtocolError, 'a poisoned decoder keeps refusing');
}
test('garbage frames are refused with a clear error', () => {
    garbage(Buffer.from([0, 0, 0, 0, 7]), /length 0 is out of range/);
    garbage(Buffer.from('GET / HTTP/1.1\r\n'), /length \d+ is out of range/);
    garbage(Buffer.from([0, 0, 0, 1, 99]), /unknown frame type 99/);
    // An ACK with two trailing bytes.
    garbage(Buffer.from([0, 0, 0, 7, 7, 0, 0, 0, 1, 9, 9]), /ACK frame has 2 unexpected trailing bytes/);
    // A SUB whose topic length runs past the frame.
    garbage(Buffer.from([0, 0, 0, 4, 3, 0, 50, 0x61]), /SUB frame is truncated/);
    // A PUB with a fractional seq.
    const pub = encodePub('t', 1, 0, Buffer.alloc(0));
    pub.writeDoubleBE(1.5, 4 + 1 + 2 + 1);
    garbage(pub, /invalid seq 1.5/);
    garbage(Buffer.from([0, 0, 0, 5, 7, 0, 0, 0, 0]), /acknowledges nothing/);
    garbage(Buffer.from([0, 0, 0, 4, 1, 9, 0, 0]), /HELLO frame is truncated|invalid roles/);
});
test('an incomplete frame is not an error until it is known to be garbage', () => {
    const d = new FrameDecoder();
    d.push(Buffer.from([0, 0]));
    assert.equal(d.next(), undefined);
    d.push(Buffer.from([0, 5, 7, 0]));
    assert.equal(d.next(), undefined);
    d.push(Buffer.from([0, 0, 2]));
    assert.deepEqual(d.next(), { type: 'ack', count: 2 });
});
//# sourceMappingURL=protocol.test.js.map