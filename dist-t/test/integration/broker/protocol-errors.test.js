import assert from 'node:assert/strict';
import { once } from 'node:events';
import net from 'node:net';
import { test } from 'node:test';
import { ScaledClock } from '../../../src/core/clock.js';
import { Broker } from '../../../src/systems/broker/broker.js';
import { ClientConnection } from '../../../src/systems/broker/client-connection.js';
import { encodeHello, encodePub, FrameDecoder, Role } from '../../../src/systems/broker/protocol.js';
import { Subscriber } from '../../../src/systems/broker/subscriber.js';
import { waitFor } from '../../helpers/wait.js';
const clock = new ScaledClock(1);
/** Sends raw bytes, collects the frames the broker answers with until it closes the connection. */
async function rawExchange(port, bytes) {
    const s = net.connect({ host: '127.0.0.1', port });
    await once(s, 'connect');
    const d = new FrameDecoder();
    const frames = [];
    s.on('data', (chunk) => {
        d.push(chunk);
        for (let f = d.next(); f; f = d.next())
            frames.push(f);
    });
    s.on('error', () => { });
    for (const b of bytes)
        s.write(b);
    await once(s, 'close');
    return frames;
}
test('garbage closes only the connection that sent it, with an ERROR frame saying why', { timeout: 10_000 }, async () => {
    const broker = new Broker({ clock, inbox: { kind: 'unbounded' } });
    const address = await broker.start();
    const sub = new Subscriber({ connection: new ClientConnection({ id: 's', roles: Role.subscribe, address, clock }), topics: ['t'], clock });
    const pub = new ClientConnection({ id: 'p', roles: Role.publish, address, clock });
    try {
        await sub.start();
        await pub.connect();
        const garbage = await rawExchange(address.port, [Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n')]);
        assert.equal(garbage.length, 1);
        assert.equal(garbage[0]?.type, 'error');
        assert.match(garbage[0]?.type === 'error' ? garbage[0].message : '', /protocol error: frame length \d+ is out of range/);
        const noHello = await rawExchange(address.port, [encodePub('t', 0, 0, Buffer.alloc(1))]);
        assert.match(noHello[0]?.type === 'error' ? noHello[0].message : '', /PUB before HELLO/);
        // A frame split across writes, then garbage right after a good HELLO.
        const hello = encodeHello(Role.publish, 0, 'raw');
        const split = await rawExchange(address.port, [hello.subarray(0, 3), hello.subarray(3), Buffer.from([0, 0, 0, 1, 200])]);
        assert.deepEqual(split.map((f) => f.type), ['welcome', 'error']);
        assert.match(split[1]?.type === 'error' ? split[1].message : '', /unknown frame type 200/);
        assert.equal(broker.counters().protocolErrors, 3);
        // The well-behaved clients did not notice.
        pub.publish(encodePub('t', 0, clock.now(), Buffer.from('still here')));
        await waitFor(() => sub.delivered === 1, 2000, 'the message to arrive');
        assert.equal(sub.closed, false);
        assert.equal(broker.counters().subscribersConnected, 1);
    }
    finally {
        sub.close();
        pub.close();
        await broker.stop();
    }
});
test('a client whose sync-ack mode differs from the broker\'s is refused with a clear error', { timeout: 10_000 }, async () => {
    const broker = new Broker({ clock, inbox: { kind: 'block' } });
    const address = await broker.start();
    try {
        const c = new ClientConnection({ id: 'x', roles: Role.publish, address, clock, syncAck: { slots: 1 } });
        await assert.rejects(c.connect(), /sync-ack mismatch: the broker has it off, the client on/);
    }
    finally {
        await broker.stop();
    }
});
//# sourceMappingURL=protocol-errors.test.js.map