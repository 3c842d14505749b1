import { buildConnector, Pool, errors as undiciErrors } from 'undici';
import { NetworkError } from './network-stack.js';
/**
 * Fluent Bit's async stack, on undici: connect timeout, I/O timeout (headers and body; 0 = none, as
 * `net.io_timeout` defaults), keep-alive with an idle timeout, or a fresh connection per request when
 * keep-alive is off. All durations are scenario time, turned into wall time by the clock.
 */
export class AsyncStack {
    #pool;
    #keepalive;
    #ioTimeout;
    constructor(options) {
        const { net, clock } = options;
        // undici takes whole milliseconds; scaled durations are rarely whole.
        const wall = (scenarioMs) => Math.max(1, Math.round(clock.toWall(scenarioMs)));
        const idle = wall(net.keepaliveIdleTimeout);
        this.#keepalive = net.keepalive;
        this.#ioTimeout = net.ioTimeout > 0 ? wall(net.ioTimeout) : 0;
        const connect = {
            timeout: wall(net.connectTimeout),
            ...(options.lookup ? { lookup: options.lookup } : {}),
            // TLS, when the origin is https: the handshake counts against the connect timeout, as in Fluent Bit.
            ...(options.ca !== undefined ? { ca: options.ca } : {}),
        };
        const owner = options.owner;
        let connector;
        if (owner) {
            const plain = buildConnector(connect);
            connector = (opts, callback) => {
                // undici's connector returns the socket it made (its type says void): tracked from the start.
                const socket = plain(opts, owner.gate(callback));
                owner.track(socket);
                return socket;
            };
        }
        this.#pool = new Pool(options.origin, {
            connect: connector ?? connect,
            keepAliveTimeout: idle,
            keepAliveMaxTimeout: idle,
            keepAliveTimeoutThreshold: Math.min(Math.floor(idle / 2), wall(1000)),
            headersTimeout: this.#ioTimeout,
            bodyTimeout: this.#ioTimeout,
        });
    }
    async post(path, headers, body) {
        try {
            const res = await this.#pool.request({
                path,
                method: 'POST',
                headers,
                body,
                reset: !this.#keepalive,
                headersTimeout: this.#ioTimeout,
                bodyTimeout: this.#ioTimeout,
            });
            const text = await res.body.text();
            return { status: res.statusCode, headers: res.headers, body: text };
        }
        catch (err) {
            // A bad argument is a bug in duress, not a network condition: let it surface.
            if (err instanceof undiciErrors.InvalidArgumentError)
                throw err;
            throw new NetworkError(classify(err), err instanceof Error ? err.message : String(err), err);
        }
    }
    async destroy() {
        await this.#pool.destroy();
    }
}
function classify(err) {
    if (err instanceof undiciErrors.ConnectTimeoutError)
        return 'connect_timeout';
    if (err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError)
        return 'io_timeout';
    if (err instanceof undiciErrors.RequestAbortedError || err instanceof undiciErrors.ClientDestroyedError)
        return 'aborted';
    const code = err?.code;
    if (code === 'ECONNREFUSED')
        return 'connect_refused';
    if (code === 'ECONNRESET' || code === 'EPIPE')
        return 'connection_reset';
    if (code === 'ENOTFOUND' || code === 'ETIMEOUT' || code === 'ESERVFAIL' || code === 'EAI_AGAIN')
        return 'dns_error';
    if (err instanceof undiciErrors.SocketError)
        return 'connection_reset';
    return 'network_error';
}
//# sourceMappingURL=async-stack.js.map