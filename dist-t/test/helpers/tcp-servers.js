import { once } from 'node:events';
import net from 'node:net';
async function serve(handler, opts = {}) {
    const sockets = new Set();
    const server = net.createServer(opts, (s) => {
        sockets.add(s);
        s.on('error', () => { });
        s.on('close', () => sockets.delete(s));
        handler(s);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = server.address().port;
    return {
        port,
        address: `127.0.0.1:${port}`,
        sockets,
        close: async () => {
            for (const s of sockets)
                s.destroy();
            await new Promise((resolve) => server.close(() => resolve()));
        },
    };
}
/** Echoes every byte back; ends its side when the client ends. */
export function startEchoServer() {
    return serve((s) => s.pipe(s));
}
export async function startSinkServer() {
    const received = [];
    const finished = [];
    const waiters = [];
    const base = await serve((s) => {
        const chunks = [];
        received.push(chunks);
        s.on('data', (d) => chunks.push(d));
        finished.push(new Promise((resolve) => {
            s.once('end', () => resolve({ data: Buffer.concat(chunks), how: 'end' }));
            s.once('close', () => resolve({ data: Buffer.concat(chunks), how: 'close' }));
        }));
        for (const w of waiters.filter((x) => x.n <= received.length))
            w.resolve();
    });
    return {
        ...base,
        received,
        finished,
        accepted: (n) => n <= received.length ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve })),
    };
}
/** On every connection, writes `payload(i)` once the client has sent anything (i: connection index). */
export function startSendServer(payload) {
    let i = 0;
    return serve((s) => {
        const n = i++;
        s.once('data', () => s.write(payload(n)));
    });
}
/** Connects to 127.0.0.1:port; rejects on error. */
export function connect(port) {
    return new Promise((resolve, reject) => {
        const s = net.connect({ port, host: '127.0.0.1', noDelay: true }, () => {
            s.off('error', reject);
            resolve(s);
        });
        s.once('error', reject);
    });
}
/** Rejects after `ms` with a message saying what was awaited, so a stuck wait fails the test instead of hanging it. */
export function within(ms, what, p) {
    let timer;
    return Promise.race([
        p.finally(() => clearTimeout(timer)),
        new Promise((_resolve, reject) => {
            timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
        }),
    ]);
}
/** Reads exactly `n` bytes (resolves with them), counting the 'data' events it took. */
export function readBytes(s, n) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let got = 0;
        let events = 0;
        const cleanup = () => {
            s.off('data', onData);
            s.off('close', onClose);
        };
        const onData = (d) => {
            events++;
            chunks.push(d);
            got += d.length;
            if (got >= n) {
                cleanup();
                resolve({ data: Buffer.concat(chunks).subarray(0, n), events });
            }
        };
        const onClose = () => {
            cleanup();
            reject(new Error(`socket closed after ${got} of ${n} bytes`));
        };
        s.on('data', onData);
        s.on('close', onClose);
    });
}
/** Everything the socket delivers until it ends or closes, and how it finished ('end', or the error code). */
export function readToEnd(s) {
    return new Promise((resolve) => {
        const chunks = [];
        let events = 0;
        let how = 'close';
        s.on('data', (d) => {
            events++;
            chunks.push(d);
        });
        s.once('end', () => {
            how = 'end';
            resolve({ data: Buffer.concat(chunks), how, events });
        });
        s.once('error', (err) => {
            how = err.code ?? err.message;
        });
        s.once('close', () => resolve({ data: Buffer.concat(chunks), how, events }));
    });
}
/** Median of a list of numbers. */
export function median(xs) {
    const s = [...xs].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
//# sourceMappingURL=tcp-servers.js.map