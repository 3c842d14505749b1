import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { InputError } from '../../core/errors.js';
import { ApiError, internalFailure, serialization, serviceUnavailable, THROTTLED, tooLarge, unknownOperation } from './api-errors.js';
import { errorAnswer } from './answer.js';
import { makeSinkCertificate } from './certificate.js';
import { createLogGroup, createLogStream, deleteRetentionPolicy, describeLogGroups, describeLogStreams, putRetentionPolicy } from './control-plane.js';
import { createCounters } from './counters.js';
import { DEFAULT_MAX_REQUEST_BYTES, DEFAULT_REQUEST_BUDGET, defaultMaxEventSize } from './limits.js';
import { LogStore } from './log-store.js';
import { operationOf } from './operations.js';
import { putLogEvents } from './put-log-events.js';
import { filterLogEvents, getLogEvents } from './read-events.js';
import { readBody, RequestBudget } from './request-budget.js';
import { parseBody } from './request-body.js';
import { SinkFaultSet } from './sink-faults.js';
const CONTENT_TYPE = 'application/x-amz-json-1.1';
const HANDLERS = {
    CreateLogGroup: createLogGroup,
    CreateLogStream: createLogStream,
    PutLogEvents: putLogEvents,
    DescribeLogGroups: describeLogGroups,
    DescribeLogStreams: describeLogStreams,
    PutRetentionPolicy: putRetentionPolicy,
    DeleteRetentionPolicy: deleteRetentionPolicy,
    GetLogEvents: getLogEvents,
    FilterLogEvents: filterLogEvents,
};
export function createCloudWatchSink(config, clock) {
    return new CloudWatchSinkServer(config, clock);
}
class CloudWatchSinkServer {
    counters = createCounters();
    faults;
    store;
    sequenceTokens;
    maxEventBytes;
    #config;
    #clock;
    #maxBody;
    #budget;
    #server;
    /** Open HTTP connections (TLS sockets with TLS) and how many of their responses are unfinished. */
    #sockets = new Map();
    /** Every TCP connection, handshaking or not, to destroy at stop. */
    #raw = new Set();
    #pending = new Set();
    #listeners = [];
    #keepAliveHeader;
    /** Wall ms after which an idle keep-alive connection is closed; 0 never. */
    #idleWall = 0;
    #address;
    #warnedListener = false;
    constructor(config, clock) {
        this.#config = config;
        this.#clock = clock;
        this.#maxBody = config.maxBodyBytes ?? DEFAULT_MAX_REQUEST_BYTES;
        this.#budget = new RequestBudget(config.requestBudget ?? DEFAULT_REQUEST_BUDGET);
        this.counters.requestBudget = this.#budget.counters;
        this.sequenceTokens = config.sequenceTokens === 'enforced';
        this.maxEventBytes = config.maxEventSize ?? defaultMaxEventSize(config.sequenceTokens);
        this.store = new LogStore(config.streamRate, config.streamBurst, config.keepEvents ?? 0);
        this.faults = new SinkFaultSet(clock, () => this.#applyIdleTimeout());
        this.#applyIdleTimeout();
    }
    /** A plain HTTP server, or an HTTPS one with a certificate made now (its CA written to `caFile`). */
    async #createServer() {
        if (this.#config.tls !== true) {
            const server = createServer(this.#onRequest);
            server.on('connection', (socket) => {
                this.#track(socket);
                this.#onConnection(socket);
            });
            return { server, ca: undefined };
        }
        const cert = await makeSinkCertificate(this.#config.tlsNames);
        if (this.#config.caFile !== undefined) {
            const file = this.#config.caFile;
            await writeFile(file, cert.caPem).catch((err) => {
                throw new InputError(`the CloudWatch sink cannot write its CA certificate to ${file}: ${err.message}`, { cause: err });
            });
        }
        const server = createHttpsServer({ key: cert.keyPem, cert: cert.certPem }, this.#onRequest);
        server.on('connection', (socket) => this.#track(socket));
        server.on('secureConnection', this.#onConnection);
        // A client that does not trust the CA, or speaks plain HTTP to the TLS port: counted, the socket closed.
        server.on('tlsClientError', (_err, socket) => {
            this.counters.connections.tlsErrors += 1;
            socket.destroy();
        });
        return { server, ca: cert.caPem };
    }
    #track(socket) {
        this.#raw.add(socket);
        socket.on('close', () => this.#raw.delete(socket));
    }
    async start() {
        if (this.#address !== undefined)
            return this.#address;
        const host = this.#config.host ?? '127.0.0.1';
        const port = this.#config.port ?? 0;
        const { server, ca } = await this.#createServer();
        server.on('clientError', this.#onClientError);
        server.keepAliveTimeout = this.#idleWall;
        this.#server = server;
        await new Promise((resolve, reject) => {
            const onError = (err) => reject(new InputError(`the CloudWatch sink cannot listen on ${host}:${port}: ${err.message}`, { cause: err }));
            server.once('error', onError);
            server.listen(port, host, () => {
                server.off('error', onError);
                resolve();
            });
        });
        const bound = server.address();
        const shown = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
        const scheme = ca === undefined ? 'http' : 'https';
        this.#address = { host: bound.address, port: bound.port, url: `${scheme}://${shown}:${bound.port}`, ...(ca === undefined ? {} : { ca }) };
        return this.#address;
    }
    async stop() {
        for (const timer of this.#pending)
            timer.clear();
        this.#pending.clear();
        this.faults.stop();
        const server = this.#server;
        if (server === undefined || !server.listening)
            return;
        const closed = new Promise((resolve) => server.close(() => resolve()));
        for (const socket of this.#sockets.keys())
            socket.destroy();
        for (const socket of this.#raw)
            socket.destroy();
        await closed;
        this.#server = undefined;
        this.#address = undefined;
    }
    /** The Sink's view of `onAccepted`: the stored events of each batch, as delivered records. */
    onDelivered(listener) {
        return this.onAccepted((batch) => listener(batch.events, batch.receivedAt));
    }
    /** The counters as the journal's `cell-end` carries them: a copy, plain data. */
    report() {
        return structuredClone(this.counters);
    }
    onAccepted(listener) {
        this.#listeners.push(listener);
        return () => {
            const i = this.#listeners.indexOf(listener);
            if (i >= 0)
                this.#listeners.splice(i, 1);
        };
    }
    streams() {
        return this.store.info();
    }
    emit(batch) {
        for (const listener of this.#listeners) {
            try {
                listener(batch);
            }
            catch (err) {
                // A listener's bug must not change what the client is answered; it is counted and reported once.
                this.counters.listenerErrors += 1;
                if (!this.#warnedListener) {
                    this.#warnedListener = true;
                    process.emitWarning(`a CloudWatch sink onAccepted listener threw: ${err.stack ?? String(err)}`);
                }
            }
        }
    }
    /**
     * Node arms `keepAliveTimeout` + a hidden 1 s buffer (Node 20.20 does) on a connection whose response ended,
     * so the sink re-arms the socket timeout itself right after Node does (see #onRequest); Node still clears
     * it when the next request arrives, and still destroys the socket when it fires. The
     * `Keep-Alive: timeout=N` hint, like the mountebank mock's, is in scenario seconds; the real service
     * closes idle connections after 6 s whatever the client expects.
     */
    #applyIdleTimeout() {
        const override = this.faults.idleOverride();
        const idle = override ?? this.#config.idleTimeout;
        const enabled = override !== undefined || idle > 0;
        this.#idleWall = enabled ? Math.max(1, Math.round(this.#clock.toWall(idle))) : 0;
        if (this.#server !== undefined)
            this.#server.keepAliveTimeout = this.#idleWall;
        this.#keepAliveHeader = enabled ? `timeout=${Math.floor(idle / 1000)}` : undefined;
    }
    #onConnection = (socket) => {
        this.counters.connections.opened += 1;
        this.#sockets.set(socket, 0);
        socket.on('timeout', () => {
            this.counters.connections.idleClosed += 1;
        });
        socket.on('close', () => this.#sockets.delete(socket));
    };
    /** Bytes that are not HTTP: answered 400 (with a request id, like every answer) and the connection closed. */
    #onClientError = (err, socket) => {
        if (err.code === 'ECONNRESET' || !socket.writable) {
            socket.destroy();
            return;
        }
        this.counters.requests.unknown.badRequest += 1;
        this.counters.statuses['400'] = (this.counters.statuses['400'] ?? 0) + 1;
        const body = serialization(`Malformed HTTP request (${err.code ?? err.message})`).body;
        socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: ${CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
            `x-amzn-RequestId: ${randomUUID()}\r\nConnection: close\r\n\r\n${body}`);
    };
    #onRequest = (req, res) => {
        const socket = req.socket;
        this.#sockets.set(socket, (this.#sockets.get(socket) ?? 0) + 1);
        // Runs after Node's own 'finish' listener, which armed keepAliveTimeout + 1 s.
        res.on('finish', () => {
            const unfinished = this.#sockets.get(socket);
            if (unfinished === undefined)
                return;
            const open = unfinished - 1;
            this.#sockets.set(socket, open);
            if (open === 0 && this.#idleWall > 0 && res.shouldKeepAlive)
                socket.setTimeout(this.#idleWall);
        });
        const length = req.headers['content-length'];
        const declared = length === undefined ? undefined : Number(length);
        if (declared !== undefined && declared > this.#maxBody) {
            // Refused before a byte of the body is read: the connection closes after the answer, so the unread
            // body never has to be drained (a client that waits for 100-continue sends nothing at all).
            res.shouldKeepAlive = false;
            this.#refuseTooLarge(req, res);
            return;
        }
        void readBody(req, this.#budget, this.#maxBody, declared).then((body) => {
            if (body.kind === 'aborted')
                return;
            if (body.kind === 'too-large') {
                this.#refuseTooLarge(req, res);
                return;
            }
            const now = this.#clock.now();
            try {
                this.#handle(req, res, body.raw, now);
            }
            catch {
                this.#respond(res, 'unknown', errorAnswer(internalFailure()), 0);
            }
        });
    };
    #refuseTooLarge(req, res) {
        const op = req.method === 'POST' ? (operationOf(req.headers['x-amz-target']) ?? 'unknown') : 'unknown';
        this.counters.requestsTooLarge += 1;
        this.#respond(res, op, errorAnswer(tooLarge(this.#maxBody)), 0);
    }
    #handle(req, res, raw, now) {
        const latency = this.#config.latency;
        const op = req.method === 'POST' ? operationOf(req.headers['x-amz-target']) : undefined;
        if (op === undefined) {
            const target = req.headers['x-amz-target'];
            const why = req.method !== 'POST' ? `${req.method ?? '?'} is not supported; the API is POST /` : `unknown operation ${JSON.stringify(target ?? null)}`;
            this.#respond(res, 'unknown', errorAnswer(unknownOperation(why)), latency);
            return;
        }
        const body = parseBody(raw);
        if (body instanceof ApiError) {
            this.#respond(res, op, errorAnswer(body), latency);
            return;
        }
        if (this.faults.size === 0) {
            this.#respond(res, op, HANDLERS[op](body, this, now), latency);
            return;
        }
        const stream = typeof body.logStreamName === 'string' ? body.logStreamName : undefined;
        const delay = latency + this.faults.extraLatency(op, stream);
        const fault = this.faults.requestFault(op, stream);
        switch (fault?.kind) {
            case undefined:
                this.#respond(res, op, HANDLERS[op](body, this, now), delay);
                return;
            case 'error':
                this.#respond(res, op, errorAnswer(serviceUnavailable(fault.status)), delay);
                return;
            case 'throttle':
                this.#respond(res, op, errorAnswer(THROTTLED), delay);
                return;
            case 'drop-connection':
                if (fault.afterStore === true)
                    HANDLERS[op](body, this, now);
                this.counters.requests[op].dropped += 1;
                this.#after(delay, () => this.#drop(res));
                return;
        }
    }
    #respond(res, op, answer, delay) {
        this.counters.requests[op][answer.outcome] += 1;
        const key = String(answer.status);
        this.counters.statuses[key] = (this.counters.statuses[key] ?? 0) + 1;
        if (delay > 0)
            this.#after(delay, () => this.#write(res, answer));
        else
            this.#write(res, answer);
    }
    #after(scenarioMs, fn) {
        if (scenarioMs <= 0) {
            fn();
            return;
        }
        const timer = this.#clock.setTimeout(() => {
            this.#pending.delete(timer);
            fn();
        }, scenarioMs);
        this.#pending.add(timer);
    }
    #write(res, answer) {
        if (res.destroyed || res.writableEnded)
            return;
        const headers = {
            'Content-Type': CONTENT_TYPE,
            'Content-Length': Buffer.byteLength(answer.body),
            'x-amzn-RequestId': randomUUID(),
        };
        if (res.shouldKeepAlive) {
            headers.Connection = 'keep-alive';
            if (this.#keepAliveHeader !== undefined)
                headers['Keep-Alive'] = this.#keepAliveHeader;
        }
        res.writeHead(answer.status, headers);
        res.end(answer.body);
    }
    /** Sends the status line and a few headers, then destroys the socket: a connection broken mid-response. */
    #drop(res) {
        const socket = res.socket;
        if (socket === null || socket.destroyed)
            return;
        this.counters.connections.dropped += 1;
        socket.write(`HTTP/1.1 200 OK\r\nContent-Type: ${CONTENT_TYPE}\r\nx-amzn-RequestId: ${randomUUID()}\r\n`, () => socket.destroy());
    }
}
//# sourceMappingURL=server.js.map