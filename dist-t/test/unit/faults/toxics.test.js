import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { ScaledClock, wallClock } from '../../../src/core/clock.js';
import { Random } from '../../../src/core/random.js';
import { ChunkQueue, Stub } from '../../../src/faults/stub.js';
import { createToxic, isStateful } from '../../../src/faults/toxic.js';
import { SlicerToxic } from '../../../src/faults/toxics/slicer.js';
import '../../../src/faults/toxics/index.js';
/** An outlet that records what reaches it and when. */
class Recorder {
    chunks = [];
    ended = null;
    push(c) {
        this.chunks.push({ data: c.data.toString(), at: performance.now() });
        return true;
    }
    end(kind) {
        this.ended ??= kind;
    }
    drained() {
        return Promise.resolve();
    }
    text() {
        return this.chunks.map((c) => c.data).join('');
    }
}
function toxic(type, attributes = {}) {
    const t = createToxic(type);
    Object.assign(t.attributes, attributes);
    return t;
}
function rig(t, clock = wallClock) {
    const input = new ChunkQueue(16);
    const out = new Recorder();
    const stub = new Stub({ input, output: out, clock, random: new Random(1), direction: 'downstream' });
    if (isStateful(t))
        stub.state = t.newState();
    const run = () => stub.run(t, (err) => {
        throw err;
    });
    return { input, out, stub, run };
}
const chunk = (s, clock = wallClock) => ({ data: Buffer.from(s), timestamp: clock.now() });
const until = async (cond, ms = 2000) => {
    const end = performance.now() + ms;
    while (!cond()) {
        if (performance.now() > end)
            throw new Error('condition not met in time');
        await new Promise((r) => setTimeout(r, 1));
    }
};
describe('toxics on a stub, without sockets', () => {
    it('noop passes chunks in order and ends with eof', async () => {
        const { input, out, run } = rig(toxic('noop'));
        run();
        input.push(chunk('a'));
        input.push(chunk('b'));
        input.end('eof');
        await until(() => out.ended !== null);
        assert.equal(out.text(), 'ab');
        assert.equal(out.ended, 'eof');
    });
    it('latency forwards the chunk it holds at once when interrupted, and the re-run goes on', async () => {
        const { input, out, stub, run } = rig(toxic('latency', { latency: 10_000 }));
        run();
        input.push(chunk('held'));
        input.push(chunk('queued'));
        await new Promise((r) => setTimeout(r, 20));
        assert.equal(out.text(), '');
        assert.equal(await stub.interrupt(), true);
        assert.equal(out.text(), 'held', 'the held chunk must be forwarded, not dropped');
        const replaced = toxic('latency', { latency: 0 });
        stub.run(replaced, () => { });
        await until(() => out.text() === 'heldqueued');
    });
    it('EOF is sticky: slow_close interrupted while waiting reads it again and closes', async () => {
        const { input, out, stub, run } = rig(toxic('slow_close', { delay: 10_000 }));
        run();
        input.push(chunk('x'));
        input.end('eof');
        await until(() => out.text() === 'x');
        assert.equal(out.ended, null);
        assert.equal(await stub.interrupt(), true);
        stub.run(toxic('slow_close', { delay: 1 }), () => { });
        await until(() => out.ended === 'eof');
    });
    it('timeout drops data and closes the connection when nothing arrives for its time', async () => {
        const { input, out, run } = rig(toxic('timeout', { timeout: 50 }));
        const t0 = performance.now();
        run();
        input.push(chunk('dropped'));
        await until(() => out.ended !== null);
        assert.equal(out.text(), '');
        assert.equal(out.ended, 'close');
        assert.ok(performance.now() - t0 >= 45);
    });
    it('timeout (0) passes the end of the stream on as a close, as Toxiproxy\'s does; silent swallows it', async () => {
        const timeout = rig(toxic('timeout', { timeout: 0 }));
        timeout.run();
        timeout.input.push(chunk('dropped'));
        timeout.input.end('eof');
        await until(() => timeout.out.ended !== null);
        assert.equal(timeout.out.text(), '');
        assert.equal(timeout.out.ended, 'eof');
        const silent = rig(toxic('silent', { timeout: 0 }));
        silent.run();
        silent.input.push(chunk('dropped'));
        silent.input.end('eof');
        await new Promise((r) => setTimeout(r, 100));
        assert.equal(silent.out.ended, null, 'silent passed the end on');
        assert.equal(silent.out.text(), '');
        assert.equal(await silent.stub.interrupt(), true, 'silent did not return promptly when interrupted');
    });
    it('silent with a timeout closes after that long without data while the input is open', async () => {
        const { input, out, run } = rig(toxic('silent', { timeout: 50 }));
        const t0 = performance.now();
        run();
        input.push(chunk('dropped'));
        await until(() => out.ended !== null);
        assert.equal(out.ended, 'close');
        assert.ok(performance.now() - t0 >= 45);
    });
    it('sleepUntil never returns before the clock reads the deadline (200 short waits)', async () => {
        const { stub } = rig(toxic('noop'));
        let early = 0;
        let worst = 0;
        for (let i = 0; i < 200; i++) {
            const deadline = wallClock.now() + 0.3 + (i % 7) * 0.4;
            assert.equal(await stub.sleepUntil(deadline), true);
            const over = wallClock.now() - deadline;
            if (over < 0)
                early++;
            worst = Math.max(worst, over);
        }
        console.log(`sleepUntil: 200 waits of 0.3-2.7 ms, none early (${early}), latest ${worst.toFixed(2)} ms past the deadline`);
        assert.equal(early, 0);
    });
    it('slicer honours sub-millisecond delays on average: 1000 one-byte slices 200 µs apart take about 200 ms', async () => {
        const { input, out, run } = rig(toxic('slicer', { average_size: 1, size_variation: 0, delay: 200 }));
        run();
        const t0 = performance.now();
        input.push({ data: Buffer.alloc(1000, 0x61), timestamp: wallClock.now() });
        await until(() => out.chunks.length === 1000, 10_000);
        // 999 delays separate the first slice from the last.
        const ms = (out.chunks[999]?.at ?? 0) - t0;
        console.log(`slicer 200 µs × 999 gaps: last slice after ${ms.toFixed(1)} ms (expected 199.8 ± 20%)`);
        assert.ok(ms >= 199.8 * 0.8 && ms <= 199.8 * 1.2, `${ms.toFixed(1)} ms`);
    });
    it('reset_peer ends with a reset after the first chunk, which it drops', async () => {
        const { input, out, run } = rig(toxic('reset_peer', { timeout: 0 }));
        run();
        input.push(chunk('x'));
        await until(() => out.ended !== null);
        assert.equal(out.ended, 'reset');
        assert.equal(out.text(), '');
    });
    it('limit_data keeps its count across interruptions', async () => {
        const t = toxic('limit_data', { bytes: 5 });
        const { input, out, stub, run } = rig(t);
        run();
        input.push(chunk('abc'));
        await until(() => out.text() === 'abc');
        await stub.interrupt();
        stub.run(t, () => { });
        input.push(chunk('defg'));
        await until(() => out.ended !== null);
        assert.equal(out.text(), 'abcde');
        assert.equal(out.ended, 'close');
    });
    it('bandwidth with rate 0 stalls, and gives back what it holds when interrupted', async () => {
        const { input, out, stub, run } = rig(toxic('bandwidth', { rate: 0 }));
        run();
        input.push(chunk('stuck'));
        await new Promise((r) => setTimeout(r, 150));
        assert.equal(out.text(), '');
        await stub.interrupt();
        assert.equal(out.text(), 'stuck');
    });
    it('durations are scenario ms: a faster clock shortens them', async () => {
        const clock = new ScaledClock(20);
        const { input, out, run } = rig(toxic('latency', { latency: 1000 }), clock);
        run();
        const t0 = performance.now();
        input.push(chunk('x', clock));
        await until(() => out.text() === 'x');
        const ms = performance.now() - t0;
        console.log(`latency 1000 scenario ms at speed 20: ${ms.toFixed(1)} wall ms (expected ≈ 50)`);
        assert.ok(ms >= 45 && ms < 150, `${ms.toFixed(1)} ms`);
    });
    it('write waits for room downstream but returns at once when interrupted, losing nothing', async () => {
        const input = new ChunkQueue(16);
        const next = new ChunkQueue(1);
        const stub = new Stub({ input, output: next, clock: wallClock, random: new Random(1), direction: 'upstream' });
        stub.run(toxic('noop'), () => { });
        for (const s of ['a', 'b', 'c'])
            input.push(chunk(s));
        await new Promise((r) => setTimeout(r, 10));
        assert.equal(next.length, 1, 'backpressure: the noop waits for the next stage');
        await stub.interrupt();
        const got = next.takeAll().map((c) => c.data.toString());
        assert.deepEqual([...got, ...input.takeAll().map((c) => c.data.toString())], ['a', 'b', 'c']);
    });
});
describe('slicer boundaries', () => {
    it('cover the chunk exactly, in order, with sizes near the average', () => {
        const s = new SlicerToxic();
        Object.assign(s.attributes, { average_size: 100, size_variation: 20, delay: 0 });
        const b = s.chunk(0, 5000, new Random(3));
        assert.equal(b[0], 0);
        assert.equal(b[b.length - 1], 5000);
        for (let i = 1; i < b.length; i += 2) {
            const size = b[i] - b[i - 1];
            assert.ok(size > 0 && size <= 120, `slice of ${size}`);
            if (i + 1 < b.length)
                assert.equal(b[i + 1], b[i]);
        }
    });
    it('survives degenerate attributes (Go panics on these)', () => {
        const s = new SlicerToxic();
        const b = s.chunk(0, 10, new Random(1));
        assert.equal(b.length, 20);
    });
});
//# sourceMappingURL=toxics.test.js.map