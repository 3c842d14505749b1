import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as packet from 'dns-packet';
import { Random } from '../../../src/core/random.js';
import { InputError } from '../../../src/core/errors.js';
import { DnsFaultTable, describeDnsFault, normalizeDnsName, validateDnsFault } from '../../../src/faults/dns-faults.js';
import { TcpFrameReader, encodeResponse, formErrFor, frameTcp } from '../../../src/faults/dns-wire.js';
describe('DnsFaultTable', () => {
    const random = new Random(1);
    it('answers normally without faults', () => {
        const table = new DnsFaultTable();
        assert.deepEqual(table.decide('sink.duress.test', random), { stall: false, delayMs: 0, answer: { kind: 'normal' }, faultIds: [] });
    });
    it('matches names case-insensitively and without the trailing dot, and only the named one', () => {
        const table = new DnsFaultTable();
        const id = table.add({ kind: 'nxdomain' }, 'Sink.Duress.Test.');
        assert.deepEqual(table.decide('sink.duress.TEST', random).answer, { kind: 'nxdomain' });
        assert.deepEqual(table.decide('sink.duress.test.', random).faultIds, [id]);
        assert.deepEqual(table.decide('other.duress.test', random).answer, { kind: 'normal' });
    });
    it('combines: a stall wins, delays add up, a name-scoped answer beats an all-names one', () => {
        const table = new DnsFaultTable();
        table.add({ kind: 'delay', ms: 100 });
        const named = table.add({ kind: 'servfail' }, 'a.test');
        table.add({ kind: 'delay', ms: 50 }, 'a.test');
        table.add({ kind: 'nxdomain' });
        const a = table.decide('a.test', random);
        assert.equal(a.stall, false);
        assert.equal(a.delayMs, 150);
        assert.deepEqual(a.answer, { kind: 'servfail' });
        assert.ok(a.faultIds.includes(named));
        assert.deepEqual(table.decide('b.test', random).answer, { kind: 'nxdomain' });
        assert.equal(table.decide('b.test', random).delayMs, 100);
        const stall = table.add({ kind: 'stall' });
        assert.equal(table.decide('a.test', random).stall, true);
        assert.equal(table.remove(stall), true);
        assert.equal(table.remove(stall), false);
        assert.equal(table.decide('a.test', random).stall, false);
    });
    it('takes the latest answer-changing fault of the same scope', () => {
        const table = new DnsFaultTable();
        table.add({ kind: 'nxdomain' });
        table.add({ kind: 'wrong-address', addresses: ['127.0.0.2'] });
        assert.deepEqual(table.decide('x.test', random).answer, { kind: 'wrong-address', addresses: ['127.0.0.2'] });
    });
    it('set replaces the faults of exactly one scope and null clears it', () => {
        const table = new DnsFaultTable();
        table.add({ kind: 'stall' });
        table.add({ kind: 'stall' }, 'a.test');
        const id = table.set({ kind: 'servfail' }, 'a.test');
        assert.equal(typeof id, 'number');
        assert.deepEqual(table.list().map((e) => [e.name, e.fault.kind]), [
            [null, 'stall'],
            ['a.test', 'servfail'],
        ]);
        assert.equal(table.set(null), null);
        assert.deepEqual(table.list().map((e) => e.fault.kind), ['servfail']);
    });
    it('rolls toxicity per query with the given Random, reproducibly', () => {
        const rolls = (seed) => {
            const table = new DnsFaultTable();
            table.add({ kind: 'stall', toxicity: 0.3 });
            const r = new Random(seed);
            return Array.from({ length: 2000 }, () => table.decide('x.test', r).stall);
        };
        const first = rolls(7);
        assert.deepEqual(rolls(7), first);
        const share = first.filter(Boolean).length / first.length;
        assert.ok(share > 0.25 && share < 0.35, `share ${share}`);
    });
    it('keeps jittered delays within ms ± jitter and never negative', () => {
        const table = new DnsFaultTable();
        table.add({ kind: 'delay', ms: 100, jitter: 20 });
        table.add({ kind: 'delay', ms: 5, jitter: 50 }, 'small.test');
        const r = new Random(3);
        for (let i = 0; i < 500; i++) {
            const d = table.decide('x.test', r).delayMs;
            assert.ok(d >= 80 && d <= 120, `delay ${d}`);
            const small = table.decide('small.test', r).delayMs;
            assert.ok(small >= 80 && small <= 175, `delay ${small}`);
        }
    });
});
describe('validateDnsFault', () => {
    const bad = [
        { kind: 'delay', ms: -1 },
        { kind: 'delay', ms: Number.NaN },
        { kind: 'delay', ms: 10, jitter: -1 },
        { kind: 'stall', toxicity: 1.5 },
        { kind: 'wrong-address', addresses: [] },
        { kind: 'wrong-address', addresses: ['not-an-ip'] },
        { kind: 'explode' },
    ];
    for (const fault of bad) {
        it(`rejects ${JSON.stringify(fault)}`, () => {
            assert.throws(() => validateDnsFault(fault), InputError);
        });
    }
    it('copies what it accepts', () => {
        const addresses = ['127.0.0.2', '::2'];
        const checked = validateDnsFault({ kind: 'wrong-address', addresses });
        addresses.push('127.0.0.3');
        assert.deepEqual(checked, { kind: 'wrong-address', addresses: ['127.0.0.2', '::2'] });
    });
    it('describes faults for journals', () => {
        assert.equal(describeDnsFault({ kind: 'delay', ms: 500, jitter: 50 }, 'sink.duress.test'), 'delay 500ms ±50ms on sink.duress.test');
        assert.equal(describeDnsFault({ kind: 'stall', toxicity: 0.5 }), 'stall (toxicity 0.5) on all names');
        assert.equal(normalizeDnsName('A.B.'), 'a.b');
    });
});
describe('dns wire helpers', () => {
    it('answers FORMERR with the request id, opcode and RD', () => {
        const request = Buffer.from([0xab, 0xcd, 0x01, 0x00, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0x99]);
        const reply = packet.decode(formErrFor(request));
        assert.equal(reply.id, 0xabcd);
        assert.equal(reply.type, 'response');
        assert.equal(reply.rcode, 'FORMERR');
        assert.equal(reply.opcode, 'QUERY');
        assert.equal(reply.flag_rd, true);
        assert.equal(reply.questions?.length, 0);
    });
    it('truncates UDP answers that do not fit, with TC set', () => {
        const answers = Array.from({ length: 60 }, (_, i) => ({ type: 'A', name: 'big.test', ttl: 0, data: `127.0.0.${i + 1}` }));
        const response = { id: 1, type: 'response', flags: 0, questions: [{ type: 'A', name: 'big.test' }], answers };
        const udp = packet.decode(encodeResponse(response, 512));
        assert.equal(udp.flag_tc, true);
        assert.equal(udp.answers?.length, 0);
        assert.equal(packet.decode(encodeResponse(response, null)).answers?.length, 60);
    });
    it('splits a TCP stream into frames across chunk boundaries', () => {
        const a = packet.encode({ id: 1, type: 'query', questions: [{ type: 'A', name: 'a.test' }] });
        const b = packet.encode({ id: 2, type: 'query', questions: [{ type: 'A', name: 'b.test' }] });
        const stream = Buffer.concat([frameTcp(a), frameTcp(b)]);
        const reader = new TcpFrameReader();
        const out = [];
        for (let i = 0; i < stream.length; i += 3) {
            const frames = reader.push(stream.subarray(i, i + 3));
            assert.notEqual(frames, 'bad-length');
            if (frames !== 'bad-length')
                out.push(...frames);
        }
        assert.deepEqual(out.map((f) => packet.decode(f).id), [1, 2]);
        assert.equal(reader.buffered, 0);
    });
    it('reports a length prefix shorter than a header', () => {
        assert.equal(new TcpFrameReader().push(Buffer.from([0, 5, 1, 2, 3, 4, 5])), 'bad-length');
        assert.equal(new TcpFrameReader().push(Buffer.from([0, 0])), 'bad-length');
        const huge = new TcpFrameReader();
        assert.deepEqual(huge.push(Buffer.from([0xff, 0xff, 1, 2, 3])), []);
        assert.equal(huge.buffered, 5);
    });
});
//# sourceMappingURL=dns-faults.test.js.map