import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DeliveryLedger } from '../../../src/delivery/ledger.js';
import { RecordMessageWriter, formatRecordMessage, parseRecordMessage } from '../../../src/delivery/record-message.js';
import { writeDecimal } from '../../../src/core/ascii-decimal.js';
function messages(source, seqs, at = 1000) {
    return seqs.map((s) => formatRecordMessage(source, s, at + s, 64));
}
test('record messages carry source, sequence and scheduled time, padded to size', () => {
    const m = formatRecordMessage('c0i3', 42, 1700000000123.25, 100);
    assert.equal(m.length, 100);
    assert.deepEqual(parseRecordMessage(m), { source: 'c0i3', seq: 42, scheduledAt: 1700000000123.25 });
    assert.equal(parseRecordMessage('hello'), undefined);
    assert.equal(parseRecordMessage('duress|x|notanumber|1|'), undefined);
});
test('the byte writer makes exactly the messages formatRecordMessage makes', () => {
    const target = Buffer.alloc(4096);
    const times = [0, 0.001, 999.9995, 1700000000123.25, 1799999999999.999, 8_000_000_000_000.5];
    for (const size of [0, 10, 40, 64, 200, 1000]) {
        const writer = new RecordMessageWriter('c0i3', size);
        for (const seq of [0, 9, 10, 99, 100, 123_456_789, 2 ** 40]) {
            for (const at of times) {
                const expected = formatRecordMessage('c0i3', seq, at, size);
                writer.set(seq, at).writeTo(target, 7);
                assert.equal(writer.size, expected.length);
                assert.equal(target.toString('latin1', 7, 7 + writer.size), expected, `seq ${seq} at ${at} size ${size}`);
            }
        }
    }
    for (const v of [0, 1, 9, 10, 11, 99, 100, 1e15 - 1, 1e15, 2 ** 53 - 1]) {
        const end = writeDecimal(target, 3, v);
        assert.equal(target.toString('latin1', 3, end), String(v));
    }
});
test('every record is delivered, dropped, undrained or lost, exactly once', () => {
    const l = new DeliveryLedger();
    l.register('a');
    l.generated('a', 10);
    l.delivered(messages('a', [0, 1, 2, 3]), 2000);
    l.declareDropped('a', [4, 5]);
    l.declareUndrained('a', [6]);
    const c = l.counts('a');
    assert.equal(c.generated, 10);
    assert.equal(c.delivered, 4);
    assert.equal(c.dropped, 2);
    assert.equal(c.undrained, 1);
    assert.equal(c.lost, 3, 'seqs 7, 8 and 9 were never seen again');
    assert.equal(c.delivered + c.dropped + c.undrained + c.lost, c.generated);
});
test('duplicates and reordering are counted per record and per stream', () => {
    const l = new DeliveryLedger();
    l.register('a');
    l.register('b');
    l.generated('a', 6);
    l.generated('b', 3);
    l.delivered(messages('a', [0, 1, 3, 2]), 2000); // 2 arrives after 3
    l.delivered(messages('a', [0, 1]), 2100); // a batch answered twice
    l.delivered(messages('a', [0]), 2200); // a third copy: still one duplicated record
    l.delivered(messages('b', [0, 1, 2]), 2000);
    const a = l.counts('a');
    assert.equal(a.delivered, 4);
    assert.equal(a.duplicated, 2);
    assert.equal(a.duplicateCopies, 3);
    assert.equal(a.reordered, 1);
    assert.equal(a.lost, 2);
    assert.equal(l.counts('b').reordered, 0, 'order is judged per stream');
    assert.equal(l.counts().delivered, 7);
});
test('a dropped record that still arrives counts as delivered, not dropped', () => {
    const l = new DeliveryLedger();
    l.register('a');
    l.generated('a', 3);
    l.declareDropped('a', [0, 1, 2]);
    l.delivered(messages('a', [1]), 2000);
    const c = l.counts('a');
    assert.equal(c.dropped, 2);
    assert.equal(c.delivered, 1);
    assert.equal(c.droppedButDelivered, 1);
    assert.equal(c.lost, 0);
});
test('an undrained record that arrives later counts as delivered', () => {
    const l = new DeliveryLedger();
    l.register('a');
    l.generated('a', 2);
    l.declareUndrained('a', [0, 1]);
    l.delivered(messages('a', [0]), 2000);
    assert.deepEqual([l.counts('a').undrained, l.counts('a').delivered, l.counts('a').lost], [1, 1, 0]);
});
test('messages from unknown sources or not made by duress are foreign, not delivered', () => {
    const l = new DeliveryLedger();
    l.register('a');
    l.generated('a', 1);
    l.delivered([...messages('a', [0]), ...messages('zz', [0]), 'not ours'], 2000);
    const c = l.counts();
    assert.equal(c.delivered, 1);
    assert.equal(c.foreign, 2);
});
test('a record that arrives before its generation was reported proves it was generated', () => {
    const l = new DeliveryLedger();
    l.register('a');
    l.generated('a', 2);
    l.delivered(messages('a', [5]), 2000);
    const c = l.counts('a');
    assert.equal(c.generated, 6);
    assert.equal(c.delivered, 1);
    assert.equal(c.lost, 5);
});
test('records held by a failed instance are lost with the failure, not silently', () => {
    const l = new DeliveryLedger();
    l.register('a');
    l.register('b');
    l.generated('a', 10);
    l.generated('b', 10);
    l.delivered(messages('a', [0, 1, 2]), 2000);
    l.markFailed('a');
    const c = l.counts();
    assert.equal(c.lostInFailures, 7);
    assert.equal(c.lost, 10, 'b never delivered and did not fail: silent loss');
});
test('end-to-end latency is receive time minus scheduled time', () => {
    const l = new DeliveryLedger();
    l.register('a');
    l.generated('a', 100);
    const msgs = Array.from({ length: 100 }, (_, i) => formatRecordMessage('a', i, 1000, 50));
    l.delivered(msgs, 1250);
    assert.equal(l.latencyNow().totalCount, 100);
    const p50 = l.latencyNow().getValueAtPercentile(50) / 1000;
    assert.ok(Math.abs(p50 - 250) < 0.5, `p50 ${p50} ms`);
});
test('the ledger grows past its initial capacity', () => {
    const l = new DeliveryLedger();
    l.register('a');
    l.generated('a', 100_000);
    l.delivered(messages('a', [99_999]), 1);
    assert.equal(l.counts('a').delivered, 1);
    assert.equal(l.counts('a').lost, 99_999);
});
test('the window keeps the last `window` records of a source: one at its start is judged, one before it is settled', () => {
    const l = new DeliveryLedger(16);
    l.register('a');
    l.generated('a', 16);
    l.delivered(messages('a', [0, 1, 2, 4, 5, 6]), 2000); // 3 missing, 7..15 not yet delivered
    l.delivered(messages('a', [20]), 2000); // the window is now seqs 5..20
    l.delivered(messages('a', [5]), 2100); // inside: a real duplicate
    l.delivered(messages('a', [7]), 2100); // inside: a first delivery, late
    l.delivered(messages('a', [3]), 2100); // before the window: taken for a copy, 3 stays missing
    l.declareDropped('a', [4]); // before the window: ignored, 4 stays delivered
    const c = l.counts('a');
    assert.equal(c.generated, 21);
    assert.equal(c.delivered, 8, '0, 1, 2, 4, 5, 6, 20 and 7');
    assert.equal(c.duplicated, 2, '5, and 3 taken for one');
    assert.equal(c.duplicateCopies, 2);
    assert.equal(c.reordered, 1, '7 after 20');
    assert.equal(c.dropped + c.droppedButDelivered, 0);
    assert.equal(c.lost, 21 - 8, 'seq 3 stays lost: loss is never hidden by the window');
});
test('within the window a small-window ledger gives exactly the answers of an unbounded one', () => {
    // A deterministic mix of deliveries, duplicates, reordering, drops and undrained records, never more
    // than 40 records behind the newest: a 64-record window must match a window larger than the run.
    let x = 12345;
    const rnd = (n) => ((x = (x * 1103515245 + 12345) % 2 ** 31), x % n);
    const small = new DeliveryLedger(64);
    const large = new DeliveryLedger(1 << 20);
    for (const l of [small, large])
        l.register('a');
    let next = 0;
    for (let step = 0; step < 20_000; step++) {
        const op = rnd(10);
        const seq = Math.max(0, next - rnd(40));
        for (const l of [small, large]) {
            if (op < 6)
                l.delivered(messages('a', [next]), 3000);
            else if (op < 8)
                l.delivered(messages('a', [seq]), 3000);
            else if (op < 9)
                l.declareDropped('a', [seq]);
            else
                l.generated('a', next + 1);
        }
        if (op < 6)
            next += 1 + rnd(2);
    }
    for (const l of [small, large])
        l.declareUndrained('a', [next - 3, next - 2, next - 1]);
    assert.deepEqual(small.counts(), large.counts());
    assert.ok(small.counts().duplicated > 0 && small.counts().reordered > 0 && small.counts().droppedButDelivered > 0, 'the mix covers every case');
});
test('the ledger holds at most one window per source, however long the run', () => {
    const l = new DeliveryLedger(1 << 12);
    l.register('a');
    const batch = [];
    for (let seq = 0; seq < 200_000; seq++) {
        batch.push(formatRecordMessage('a', seq, 1000, 40));
        if (batch.length === 1000)
            l.delivered(batch.splice(0), 2000);
    }
    assert.equal(l.counts('a').delivered, 200_000);
    assert.equal(l.counts('a').lost, 0);
    assert.equal(l.stateBytes(), 1 << 12);
});
//# sourceMappingURL=ledger.test.js.map