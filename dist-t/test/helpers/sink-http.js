import { request } from 'node:http';
import { connect } from 'node:net';
import { ScaledClock } from '../../src/core/clock.js';
import { createCloudWatchSink } from '../../src/sinks/cloudwatch/index.js';
/** Sink settings for tests: no throttling, tokens on, idle close far away, no latency. */
export const TEST_SINK = { kind: 'cloudwatch', streamRate: 0, streamBurst: 1, idleTimeout: 60_000, latency: 0, sequenceTokens: 'enforced' };
export async function startTestSink(overrides = {}, clock = new ScaledClock(1)) {
    const sink = createCloudWatchSink({ ...TEST_SINK, ...overrides }, clock);
    const address = await sink.start();
    return {
        sink,
        address,
        call: (op, body) => post(address, { 'X-Amz-Target': `Logs_20140328.${op}` }, typeof body === 'string' ? body : JSON.stringify(body)),
        stop: () => sink.stop(),
    };
}
/** One POST on its own connection (no agent), with a 10 s bound. */
export function post(address, headers, body, method = 'POST') {
    return new Promise((resolve, reject) => {
        const req = request({
            host: address.host,
            port: address.port,
            method,
            path: '/',
            agent: false,
            headers: { 'Content-Type': 'application/x-amz-json-1.1', 'Content-Length': Buffer.byteLength(body), ...headers },
            timeout: 10_000,
        }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => {
                const text = Buffer.concat(chunks).toString('utf8');
                let json = {};
                try {
                    json = text ? JSON.parse(text) : {};
                }
                catch {
                    // not JSON; the test looks at `body`
                }
                resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, json });
            });
            res.on('error', reject);
        });
        req.on('timeout', () => req.destroy(new Error('test request timed out')));
        req.on('error', reject);
        req.end(body);
    });
}
export function rawConnection(address) {
    return new Promise((resolve, reject) => {
        const socket = connect(address.port, address.host);
        let data = '';
        const occurs = (text, times) => data.split(text).length - 1 >= times;
        const waiters = [];
        const closed = new Promise((r) => socket.once('close', () => r()));
        socket.setEncoding('utf8');
        socket.on('data', (chunk) => {
            data += chunk;
            for (const w of [...waiters]) {
                if (occurs(w.text, w.times)) {
                    waiters.splice(waiters.indexOf(w), 1);
                    w.done();
                }
            }
        });
        socket.on('error', () => undefined);
        socket.once('connect', () => resolve({
            socket,
            received: () => data,
            waitFor: (text, times = 1) => occurs(text, times)
                ? Promise.resolve()
                : new Promise((done, fail) => {
                    waiters.push({ text, times, done });
                    void closed.then(() => fail(new Error(`connection closed before ${JSON.stringify(text)} arrived; got ${JSON.stringify(data)}`)));
                }),
            closed,
        }));
        socket.once('error', reject);
    });
}
/** A raw HTTP/1.1 keep-alive request for `rawConnection`. */
export function rawPut(op, body) {
    return (`POST / HTTP/1.1\r\nHost: sink\r\nConnection: keep-alive\r\nX-Amz-Target: Logs_20140328.${op}\r\n` +
        `Content-Type: application/x-amz-json-1.1\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
/** Creates `group` and `stream` on the sink. */
export async function createStream(t, group = 'g', stream = 's') {
    const g = await t.call('CreateLogGroup', { logGroupName: group });
    if (g.status !== 200 && g.json.__type !== 'ResourceAlreadyExistsException')
        throw new Error(`CreateLogGroup: ${g.body}`);
    const s = await t.call('CreateLogStream', { logGroupName: group, logStreamName: stream });
    if (s.status !== 200)
        throw new Error(`CreateLogStream: ${s.body}`);
}
/** `n` events starting at `start`, 1 ms apart, messages `${prefix}-i`. */
export function events(n, start = Date.now(), prefix = 'm') {
    return Array.from({ length: n }, (_, i) => ({ timestamp: start + i, message: `${prefix}-${i}` }));
}
//# sourceMappingURL=sink-http.js.map