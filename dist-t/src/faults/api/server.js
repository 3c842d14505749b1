import { randomBytes, randomInt } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { VERSION } from '../../core/version.js';
import { joinHostPort } from '../address.js';
import { GoJsonError, parseGoJson } from '../go-json.js';
import { ProxyCollection } from '../proxy-collection.js';
import { ApiErrors, toApiError } from './errors.js';
import { bodyTooLarge, checkStringLengths, MAX_BODY_BYTES } from './limits.js';
import { createMetricsRegistry } from './metrics.js';
import { renderError, renderPopulate, renderProxy, renderProxyMap, renderToxic, renderToxics } from './render.js';
const JSON_TYPE = 'application/json';
const TEXT_TYPE = 'text/plain; charset=utf-8';
/** Go's http.TimeoutHandler default body. */
const TIMEOUT_BODY = '<html><head><title>Timeout</title></head><body><h1>Timeout</h1></body></html>';
const HANDLER_TIMEOUT_MS = 25_000;
const ANY_METHOD = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'CONNECT', 'TRACE'];
const json = (status, body) => ({ status, headers: { 'Content-Type': JSON_TYPE }, body });
const noContent = () => ({ status: 204, headers: {}, body: '' });
/** Go's http.Error: text/plain, nosniff, a trailing newline. */
const httpError = (status, text) => ({
    status,
    headers: { 'Content-Type': TEXT_TYPE, 'X-Content-Type-Options': 'nosniff' },
    body: `${text}\n`,
});
const apiError = (err) => {
    const e = toApiError(err);
    return httpError(e.status, renderError(e.message, e.status));
};
/** A request body as Go's json.Decoder reads it, with duress's bound on string lengths (limits.ts). */
export function parseBody(body) {
    let value;
    try {
        value = parseGoJson(body);
    }
    catch (err) {
        if (err instanceof GoJsonError)
            throw ApiErrors.badRequestBody(err.message);
        throw err;
    }
    checkStringLengths(value);
    return value;
}
/** The route table, as Toxiproxy's api.go Routes(): first match on path and method wins. */
function routes(collection, version, metrics) {
    const guard = (fn) => async (ctx) => {
        try {
            return await fn(ctx);
        }
        catch (err) {
            return apiError(err);
        }
    };
    const proxyOf = (ctx) => collection.get(ctx.vars.proxy ?? '');
    return [
        {
            name: 'ResetState',
            path: '/reset',
            methods: ['POST'],
            handler: guard(async () => {
                await collection.reset();
                return noContent();
            }),
        },
        { name: 'ProxyIndex', path: '/proxies', methods: ['GET'], handler: guard(async () => json(200, renderProxyMap(collection.list()))) },
        {
            name: 'ProxyCreate',
            path: '/proxies',
            methods: ['POST'],
            handler: guard(async (ctx) => json(201, renderProxy((await collection.createJson(parseBody(ctx.body))).toJSON()))),
        },
        {
            name: 'Populate',
            path: '/populate',
            methods: ['POST'],
            handler: async (ctx) => {
                let outcome;
                try {
                    outcome = await collection.populateJson(parseBody(ctx.body));
                }
                catch (err) {
                    outcome = { json: [], error: toApiError(err) };
                }
                const e = outcome.error;
                return json(e ? e.status : 201, renderPopulate(outcome.json, e && { message: e.message, status: e.status }));
            },
        },
        { name: 'ProxyShow', path: '/proxies/{proxy}', methods: ['GET'], handler: guard(async (ctx) => json(200, renderProxy(proxyOf(ctx).toJSON()))) },
        {
            name: 'ProxyUpdate',
            path: '/proxies/{proxy}',
            methods: ['POST', 'PATCH'],
            handler: guard(async (ctx) => {
                const proxy = proxyOf(ctx);
                await collection.updateJson(proxy.name, parseBody(ctx.body));
                return json(200, renderProxy(proxy.toJSON()));
            }),
        },
        {
            name: 'ProxyDelete',
            path: '/proxies/{proxy}',
            methods: ['DELETE'],
            handler: guard(async (ctx) => {
                await collection.remove(ctx.vars.proxy ?? '');
                return noContent();
            }),
        },
        {
            name: 'ToxicIndex',
            path: '/proxies/{proxy}/toxics',
            methods: ['GET'],
            handler: guard(async (ctx) => json(200, renderToxics(proxyOf(ctx).toxics.list().map((t) => t.toJSON())))),
        },
        {
            name: 'ToxicCreate',
            path: '/proxies/{proxy}/toxics',
            methods: ['POST'],
            handler: guard(async (ctx) => {
                const proxy = proxyOf(ctx);
                return json(200, renderToxic((await proxy.toxics.addJson(parseBody(ctx.body))).toJSON()));
            }),
        },
        {
            name: 'ToxicShow',
            path: '/proxies/{proxy}/toxics/{toxic}',
            methods: ['GET'],
            handler: guard(async (ctx) => json(200, renderToxic(proxyOf(ctx).getToxic(ctx.vars.toxic ?? '').toJSON()))),
        },
        {
            name: 'ToxicUpdate',
            path: '/proxies/{proxy}/toxics/{toxic}',
            methods: ['POST', 'PATCH'],
            handler: guard(async (ctx) => {
                const proxy = proxyOf(ctx);
                const name = proxy.getToxic(ctx.vars.toxic ?? '').name;
                return json(200, renderToxic((await proxy.toxics.updateJson(name, parseBody(ctx.body))).toJSON()));
            }),
        },
        {
            name: 'ToxicDelete',
            path: '/proxies/{proxy}/toxics/{toxic}',
            methods: ['DELETE'],
            handler: guard(async (ctx) => {
                await proxyOf(ctx).removeToxic(ctx.vars.toxic ?? '');
                return noContent();
            }),
        },
        {
            name: 'Version',
            path: '/version',
            methods: ['GET'],
            handler: async () => ({
                status: 200,
                headers: { 'Content-Type': 'application/json;charset=utf-8' },
                body: `{"version": "${version}"}\n`,
            }),
        },
        // As r.Handle("/metrics", …) in api.go: only when metrics are on, and for any method.
        ...(metrics
            ? [
                {
                    name: 'Metrics',
                    path: '/metrics',
                    methods: ANY_METHOD,
                    handler: async () => ({ status: 200, headers: { 'Content-Type': metrics.contentType }, body: await metrics.metrics() }),
                },
            ]
            : []),
    ];
}
function compile(route) {
    const varNames = [];
    const source = route.path.replace(/\{(\w+)\}/g, (_m, name) => {
        varNames.push(name);
        return '([^/]+)';
    });
    return { ...route, regex: new RegExp(`^${source}$`), varNames };
}
/** gorilla/mux's cleanPath: path.Clean, keeping a trailing slash. */
function cleanPath(p) {
    if (p === '')
        return '/';
    if (!p.startsWith('/'))
        p = `/${p}`;
    let np = path.posix.normalize(p);
    if (np.length > 1 && np.endsWith('/'))
        np = np.slice(0, -1);
    if (p.endsWith('/') && np !== '/')
        np += '/';
    return np;
}
const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';
const machineId = randomBytes(3);
let xidCounter = randomInt(0, 0xffffff);
/** A request id shaped like the xid zerolog's hlog.RequestIDHandler puts in X-Toxiproxy-Request-Id. */
function requestId() {
    const b = Buffer.alloc(12);
    b.writeUInt32BE(Math.floor(Date.now() / 1000) >>> 0, 0);
    machineId.copy(b, 4);
    b.writeUInt16BE(process.pid & 0xffff, 7);
    xidCounter = (xidCounter + 1) & 0xffffff;
    b.writeUIntBE(xidCounter, 9, 3);
    let bits = 0;
    let value = 0;
    let out = '';
    for (const byte of b) {
        value = (value << 8) | byte;
        bits += 8;
        while (bits >= 5) {
            out += BASE32HEX[(value >>> (bits - 5)) & 31];
            bits -= 5;
        }
        value &= (1 << bits) - 1;
    }
    if (bits > 0)
        out += BASE32HEX[(value << (5 - bits)) & 31];
    return out;
}
/**
 * Writes headers in Go's order: the handler's, sorted; then Date, Content-Length and Connection. `id` is the
 * request id, which only matched routes get (gorilla/mux runs middleware only on a match: its 301, 404 and
 * 405 answers have none, as a real server's show).
 */
function send(res, reply, id) {
    const headers = id === undefined ? { ...reply.headers } : { ...reply.headers, 'X-Toxiproxy-Request-Id': id };
    res.statusCode = reply.status;
    for (const key of Object.keys(headers).sort())
        res.setHeader(key, headers[key]);
    res.setHeader('Date', new Date().toUTCString());
    if (reply.status !== 204 && reply.status !== 304)
        res.setHeader('Content-Length', Buffer.byteLength(reply.body));
    // Go sends no Connection/Keep-Alive headers on a kept-alive HTTP/1.1 response, and `Connection: close` last otherwise.
    if (res.shouldKeepAlive)
        res.removeHeader('Connection');
    else
        res.setHeader('Connection', 'close');
    res.end(reply.body);
}
/** The request body, or undefined once it passes MAX_BODY_BYTES (the rest is not read). */
function readBody(req) {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES)
        return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
        const parts = [];
        let size = 0;
        const onData = (d) => {
            size += d.length;
            if (size > MAX_BODY_BYTES) {
                req.off('data', onData);
                req.pause();
                resolve(undefined);
                return;
            }
            parts.push(d);
        };
        req.on('data', onData);
        req.on('end', () => resolve(Buffer.concat(parts)));
        req.on('error', reject);
    });
}
/** An HTTP server speaking Toxiproxy's API (v2.12) over a ProxyCollection. */
export function createToxiproxyServer(opts = {}) {
    const host = opts.host ?? '127.0.0.1';
    const port = opts.port ?? 8474;
    const collection = opts.collection ?? new ProxyCollection({ clock: opts.clock, random: opts.random });
    const table = routes(collection, opts.version ?? VERSION, createMetricsRegistry(collection, opts.metrics ?? {})).map(compile);
    const dispatch = async (req, res) => {
        const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
        let decoded;
        try {
            decoded = decodeURIComponent(rawPath);
        }
        catch {
            send(res, httpError(400, '400 Bad Request'));
            return;
        }
        const clean = cleanPath(decoded);
        if (clean !== decoded && req.method !== 'CONNECT') {
            const query = req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
            send(res, { status: 301, headers: { Location: clean + query }, body: '' });
            return;
        }
        let pathMatched = false;
        for (const route of table) {
            const m = route.regex.exec(clean);
            if (!m)
                continue;
            pathMatched = true;
            if (!route.methods.includes(req.method ?? ''))
                continue;
            const id = requestId();
            if ((req.headers['user-agent'] ?? '').startsWith('Mozilla/')) {
                send(res, httpError(403, 'User agent not allowed'), id);
                return;
            }
            const vars = {};
            route.varNames.forEach((name, i) => (vars[name] = m[i + 1]));
            const body = await readBody(req);
            if (body === undefined) {
                res.shouldKeepAlive = false; // the rest of the body is never read
                send(res, apiError(bodyTooLarge()), id);
                return;
            }
            let timer;
            const timeout = new Promise((resolve) => {
                timer = setTimeout(() => resolve({ status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: TIMEOUT_BODY }), HANDLER_TIMEOUT_MS);
            });
            const reply = await Promise.race([route.handler({ vars, body, method: req.method ?? '' }), timeout]);
            clearTimeout(timer);
            send(res, reply, id);
            return;
        }
        send(res, pathMatched ? { status: 405, headers: {}, body: '' } : httpError(404, '404 page not found'));
    };
    const server = http.createServer((req, res) => {
        dispatch(req, res).catch((err) => {
            if (!res.headersSent)
                send(res, apiError(err), requestId());
            else
                res.destroy();
        });
    });
    server.keepAliveTimeout = 60_000;
    server.on('clientError', (_err, socket) => {
        if (socket.writable)
            socket.end('HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request');
        else
            socket.destroy();
    });
    return {
        collection,
        async start() {
            await new Promise((resolve, reject) => {
                server.once('error', reject);
                server.listen(port, host, () => {
                    server.off('error', reject);
                    resolve();
                });
            });
            const a = server.address();
            const bound = a && typeof a === 'object' ? { host: a.address, port: a.port } : { host, port };
            return { ...bound, url: `http://${joinHostPort(bound.host, bound.port)}` };
        },
        async stop() {
            const wasListening = server.listening;
            const closed = new Promise((resolve) => server.close(() => resolve()));
            server.closeAllConnections();
            await collection.clear();
            if (wasListening)
                await closed;
        },
    };
}
//# sourceMappingURL=server.js.map