import { setMaxListeners } from 'node:events';
function familyOf(options) {
    const f = typeof options === 'number' ? options : options?.family;
    if (f === 4 || f === 'IPv4')
        return 4;
    if (f === 6 || f === 'IPv6')
        return 6;
    return 0;
}
/**
 * Worker side: a `net.LookupFunction` whose lookups the main thread resolves ({@link serveLookups} on
 * the other end of `port`). The port is unref'd: a lookup does not keep a stopping worker alive.
 */
export function relayedLookup(port, scope) {
    const pending = new Map();
    let nextId = 0;
    // In a shared worker: answers wait for a paused instance's thaw, and a kill drops what is pending.
    scope?.onKill(() => {
        pending.clear();
        port.close();
    });
    const gate = scope ? scope.gate.bind(scope) : (fn) => fn;
    port.on('message', gate((answer) => {
        const p = pending.get(answer.id);
        if (!p)
            return;
        pending.delete(answer.id);
        if (answer.error) {
            const err = new Error(answer.error.message);
            err.code = answer.error.code;
            err.syscall = 'getaddrinfo';
            err.hostname = p.hostname;
            p.callback(err, p.all ? [] : '');
            return;
        }
        const sorted = p.order === 'ipv6first' ? [...answer.addresses].sort((a, b) => b.family - a.family) : answer.addresses;
        const first = sorted[0];
        if (p.all)
            p.callback(null, sorted);
        else if (first === undefined)
            p.callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${p.hostname}`), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: p.hostname }), '');
        else
            p.callback(null, first.address, first.family);
    }));
    port.unref();
    const lookup = (hostname, options, callback) => {
        const id = nextId++;
        const opts = typeof options === 'object' && options !== null ? options : {};
        pending.set(id, { hostname, all: opts.all === true, order: opts.order, callback });
        const request = { t: 'lookup', id, hostname, family: familyOf(options) };
        port.postMessage(request);
    };
    return lookup;
}
/**
 * Main side: answers the lookups posted on `port` with `lookup`. `close()` (when the instance ends, by
 * stop or kill) cancels the lookups still pending for it and closes the port.
 */
export function serveLookups(port, lookup) {
    const controller = new AbortController();
    // One listener per pending lookup: a stalled server legitimately holds many.
    setMaxListeners(0, controller.signal);
    port.on('message', (request) => {
        if (request.t !== 'lookup')
            return;
        lookup.resolve(request.hostname, { family: request.family, signal: controller.signal }).then((addresses) => answer({ id: request.id, addresses, error: null }), (err) => answer({ id: request.id, addresses: [], error: { code: err.code ?? 'EUNKNOWN', message: err.message } }));
    });
    const answer = (a) => {
        if (!controller.signal.aborted)
            port.postMessage(a);
    };
    return {
        close: () => {
            controller.abort();
            port.close();
        },
    };
}
//# sourceMappingURL=lookup-relay.js.map