import { once } from 'node:events';
import { closeSync, openSync, renameSync, rmSync, write } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
/** Wall ms between attempts to connect while a program starts, or after it dropped its input connection. */
const RECONNECT_WALL_MS = 50;
async function connectWithRetry(host, port, signal) {
    for (;;) {
        signal.throwIfAborted();
        const socket = connect({ host, port });
        try {
            await once(socket, 'connect', { signal });
            return socket;
        }
        catch (err) {
            socket.destroy();
            if (signal.aborted)
                throw err;
            await new Promise((r) => setTimeout(r, RECONNECT_WALL_MS));
        }
    }
}
/** Lines to the program's TCP port; reconnects when it drops the connection. */
export class TcpInput {
    onWritable;
    #host;
    #port;
    #socket;
    #full = false;
    #closed = false;
    refusals = 0;
    constructor(host, port) {
        this.#host = host;
        this.#port = port;
    }
    async open(signal) {
        this.#adopt(await connectWithRetry(this.#host, this.#port, signal));
    }
    #adopt(socket) {
        this.#socket = socket;
        this.#full = false;
        socket.on('drain', () => {
            this.#full = false;
            this.onWritable?.();
        });
        socket.on('error', () => { });
        socket.on('close', () => {
            if (this.#socket !== socket || this.#closed)
                return;
            this.#socket = undefined;
            this.refusals += 1;
            const again = new AbortController();
            setTimeout(() => {
                if (this.#closed)
                    return;
                connectWithRetry(this.#host, this.#port, again.signal).then((s) => (this.#closed ? s.destroy() : this.#adopt(s)), () => { });
            }, RECONNECT_WALL_MS);
        });
    }
    get writable() {
        return this.#socket !== undefined && !this.#full;
    }
    write(bytes) {
        if (!this.#socket)
            return false;
        if (!this.#socket.write(bytes))
            this.#full = true;
        return true;
    }
    async close() {
        this.#closed = true;
        const s = this.#socket;
        if (!s || s.destroyed)
            return;
        const closed = once(s, 'close');
        s.end();
        const limit = setTimeout(() => s.destroy(), 2000);
        await closed.catch(() => { }).finally(() => clearTimeout(limit));
    }
}
/** Batches POSTed to the program's HTTP endpoint, one request at a time on a kept-alive connection. */
export class HttpInput {
    #host;
    #port;
    #path;
    #contentType;
    #agent = new Agent({ keepAlive: true, maxSockets: 1 });
    #inFlight = false;
    refusals = 0;
    constructor(host, port, path, contentType) {
        this.#host = host;
        this.#port = port;
        this.#path = path;
        this.#contentType = contentType;
    }
    async open(signal) {
        (await connectWithRetry(this.#host, this.#port, signal)).destroy();
    }
    get writable() {
        return !this.#inFlight;
    }
    write(bytes) {
        this.#inFlight = true;
        return new Promise((resolve) => {
            const req = request({ host: this.#host, port: this.#port, path: this.#path, method: 'POST', agent: this.#agent, headers: { 'content-type': this.#contentType, 'content-length': bytes.length } }, (res) => {
                res.resume();
                res.on('end', () => resolve(res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300));
                res.on('error', () => resolve(false));
            });
            req.on('error', () => resolve(false));
            req.end(bytes);
        }).then((taken) => {
            this.#inFlight = false;
            if (!taken)
                this.refusals += 1;
            return taken;
        });
    }
    async close() {
        this.#agent.destroy();
    }
}
/**
 * Lines appended to a file the program tails. Rotated as logrotate does it by default: at `rotate` bytes
 * the file is renamed to `<file>.1` (the previous `.1` goes) and a new, empty one is started, so a program
 * that follows the name must notice the rotation. A disk takes everything: no back-pressure here.
 */
export class FileInput {
    #file;
    #rotate;
    #fd;
    #size = 0;
    #writing = false;
    #closed = false;
    /** Rotations so far. */
    rotations = 0;
    refusals = 0;
    constructor(file, rotate) {
        this.#file = file;
        this.#rotate = rotate;
        // Made at once, empty, so a program that tails it finds it when it starts.
        this.#fd = openSync(file, 'a');
    }
    async open() { }
    get writable() {
        return !this.#writing && !this.#closed;
    }
    write(bytes) {
        this.#writing = true;
        return new Promise((resolve) => {
            const rest = (from) => {
                write(this.#fd, bytes, from, bytes.length - from, null, (err, n) => {
                    if (err)
                        return resolve(false);
                    if (from + n < bytes.length)
                        return rest(from + n);
                    this.#size += bytes.length;
                    if (this.#size >= this.#rotate)
                        this.#rotateNow();
                    resolve(true);
                });
            };
            rest(0);
        }).finally(() => (this.#writing = false));
    }
    #rotateNow() {
        closeSync(this.#fd);
        rmSync(`${this.#file}.1`, { force: true });
        renameSync(this.#file, `${this.#file}.1`);
        this.#fd = openSync(this.#file, 'a');
        this.#size = 0;
        this.rotations += 1;
    }
    async close() {
        if (this.#closed)
            return;
        this.#closed = true;
        while (this.#writing)
            await new Promise((r) => setTimeout(r, 5));
        closeSync(this.#fd);
    }
}
/** Lines written to the program's standard input (a pipe: a program that stops reading fills it, and blocks us). */
export class StdinInput {
    onWritable;
    #stdin;
    #full = false;
    #broken = false;
    refusals = 0;
    constructor(stdin) {
        this.#stdin = stdin;
        stdin.on('drain', () => {
            this.#full = false;
            this.onWritable?.();
        });
        stdin.on('error', () => {
            if (!this.#broken)
                this.refusals += 1;
            this.#broken = true;
        });
    }
    async open() { }
    get writable() {
        return !this.#full && !this.#broken;
    }
    write(bytes) {
        if (!this.#stdin.write(bytes))
            this.#full = true;
        return true;
    }
    async close() {
        if (this.#broken || this.#stdin.writableEnded)
            return;
        const finished = once(this.#stdin, 'finish').catch(() => { });
        this.#stdin.end();
        const limit = new Promise((r) => setTimeout(r, 2000).unref());
        await Promise.race([finished, limit]);
    }
}
//# sourceMappingURL=program-input.js.map