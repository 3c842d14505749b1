import { performance } from 'node:perf_hooks';
import { after, before } from 'node:test';
import { Random } from '../../src/core/random.js';
import { createToxiproxyServer } from '../../src/faults/api/server.js';
import { connect, readBytes, startEchoServer, startSinkServer, within } from './tcp-servers.js';
/** The embedded Toxiproxy server on 127.0.0.1, port 0, with a fixed seed. */
export async function startToxiproxy(seed = 42) {
    const server = createToxiproxyServer({ host: '127.0.0.1', port: 0, random: new Random(seed) });
    const { url, port } = await server.start();
    return { server, url, port };
}
/**
 * Inside a describe: a ProxyStage started before its tests and closed after them. Its fields are set by
 * the `before` hook, so they are read inside the tests.
 */
export function proxyStage() {
    const stage = {};
    before(async () => {
        stage.echo = await startEchoServer();
        stage.sink = await startSinkServer();
        stage.server = (await startToxiproxy()).server;
    });
    after(async () => {
        await stage.server.stop();
        await stage.echo.close();
        await stage.sink.close();
    });
    return stage;
}
/** A proxy on 127.0.0.1:0 in front of `upstream`, created through the programmatic API. */
export async function proxyTo(server, name, upstream, toxics = []) {
    const proxy = await server.collection.create({ name, listen: '127.0.0.1:0', upstream });
    for (const t of toxics)
        await proxy.addToxic(t);
    return proxy;
}
export function proxyPort(proxy) {
    const port = proxy.port;
    if (port === undefined)
        throw new Error(`proxy ${proxy.name} is not listening`);
    return port;
}
export async function rawRequest(port, method, path, body, extraHeaders = []) {
    const s = await connect(port);
    const hasUa = extraHeaders.some((h) => h.toLowerCase().startsWith('user-agent:'));
    const lines = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', ...(hasUa ? [] : ['User-Agent: curl/8.5.0']), 'Accept: */*', ...extraHeaders];
    if (body !== undefined)
        lines.push(`Content-Length: ${Buffer.byteLength(body)}`, 'Content-Type: application/x-www-form-urlencoded');
    s.write(`${lines.join('\r\n')}\r\n\r\n${body ?? ''}`);
    const chunks = [];
    const complete = new Promise((resolve, reject) => {
        s.on('data', (d) => {
            chunks.push(d);
            const text = Buffer.concat(chunks).toString('utf8');
            const end = text.indexOf('\r\n\r\n');
            if (end < 0)
                return;
            const length = /^Content-Length: (\d+)$/im.exec(text.slice(0, end));
            if (Buffer.byteLength(text) - Buffer.byteLength(text.slice(0, end + 4)) >= Number(length?.[1] ?? 0))
                resolve(text);
        });
        s.once('close', () => reject(new Error(`connection closed before a full response to ${method} ${path}`)));
    });
    const raw = await within(5000, `response to ${method} ${path}`, complete);
    s.destroy();
    const [headPart = '', ...rest] = raw.split('\r\n\r\n');
    const [statusLine = '', ...headerLines] = headPart.split('\r\n');
    return {
        raw,
        status: Number(statusLine.split(' ')[1]),
        headers: headerLines.map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]),
        body: rest.join('\r\n\r\n'),
    };
}
/** The raw response with the Date and X-Toxiproxy-Request-Id values elided, as the contract's appendix shows them. */
export function elided(r) {
    return r.raw.replace(/^Date: .*$/m, 'Date: <elided>').replace(/^X-Toxiproxy-Request-Id: .*$/m, 'X-Toxiproxy-Request-Id: <elided>');
}
/** Round-trip time in ms of `size` bytes through an echo path. */
export async function roundTrip(s, size = 16) {
    const t0 = performance.now();
    const reading = readBytes(s, size);
    s.write(Buffer.alloc(size, 0x61));
    await within(10_000, 'echo', reading);
    return performance.now() - t0;
}
//# sourceMappingURL=proxy-harness.js.map