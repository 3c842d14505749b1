import net from 'node:net';
import { InputError } from '../core/errors.js';
import { dnsError, queryDns } from './dns-query.js';
const lookupError = dnsError;
function codeOf(err) {
    const code = err?.code;
    return typeof code === 'string' ? code : 'EUNKNOWN';
}
function familyOf(options) {
    const f = typeof options === 'number' ? options : options?.family;
    if (f === 4 || f === 'IPv4')
        return 4;
    if (f === 6 || f === 'IPv6')
        return 6;
    return 0;
}
/** Makes a lookup that resolves names through `server`, with or without a timeout. */
export function createLookup(options) {
    const { server, timeout, clock } = options;
    const tries = options.tries ?? 1;
    if (timeout !== null && !(timeout > 0 && Number.isFinite(timeout)))
        throw new InputError(`DNS lookup timeout must be a positive number of ms or null, got ${timeout}`);
    if (!(Number.isInteger(tries) && tries >= 1))
        throw new InputError(`DNS lookup tries must be an integer >= 1, got ${tries}`);
    // c-ares splits the timeout into `tries` equal tries, re-sending the query after each; so do we. The
    // clock deadline in `resolve` is what ends the lookup. (No c-ares here at all: see dns-query.ts.)
    const retransmit = timeout === null || tries === 1
        ? undefined
        : (send) => {
            let left = tries - 1;
            const timer = clock.setInterval(() => {
                send();
                if (--left === 0)
                    clearInterval(timer);
            }, timeout / tries);
            return () => clearInterval(timer);
        };
    const live = new Set();
    const queryOne = (name, type, signal) => queryDns(server, name, type, { signal, ...(retransmit ? { retransmit } : {}) });
    const resolveFamily = async (name, family, signal) => {
        const types = family === 4 ? ['A'] : family === 6 ? ['AAAA'] : ['A', 'AAAA'];
        const settled = await Promise.allSettled(types.map((t) => queryOne(name, t, signal)));
        const addresses = [];
        let error = null;
        settled.forEach((r, i) => {
            if (r.status === 'fulfilled') {
                for (const address of r.value)
                    addresses.push({ address, family: types[i] === 'A' ? 4 : 6 });
            }
            else if (error === null || error.code === 'ENODATA') {
                error = r.reason;
            }
        });
        if (addresses.length > 0)
            return addresses;
        const failure = error ?? lookupError('ENOTFOUND', name);
        throw failure.code === 'ENODATA' ? lookupError('ENOTFOUND', name) : failure;
    };
    const resolve = (hostname, opts = {}) => {
        const family = opts.family ?? 0;
        const literal = net.isIP(hostname);
        if (literal !== 0)
            return Promise.resolve([{ address: hostname, family: literal }]);
        if (hostname.toLowerCase() === 'localhost' || hostname.toLowerCase() === 'localhost.') {
            const local = [
                { address: '127.0.0.1', family: 4 },
                { address: '::1', family: 6 },
            ];
            return Promise.resolve(local.filter((a) => family === 0 || a.family === family));
        }
        if (options.signal?.aborted || opts.signal?.aborted)
            return Promise.reject(lookupError('ECANCELLED', hostname));
        const controller = new AbortController();
        live.add(controller);
        const onOuterAbort = () => controller.abort();
        opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
        return new Promise((resolvePromise, rejectPromise) => {
            let deadline = null;
            const settle = (err, value) => {
                if (!live.delete(controller))
                    return;
                deadline?.clear();
                controller.signal.removeEventListener('abort', onAbort);
                opts.signal?.removeEventListener('abort', onOuterAbort);
                // A lookup that ended (deadline, cancel) closes the sockets of its queries still waiting.
                controller.abort();
                if (err)
                    rejectPromise(err);
                else
                    resolvePromise(value ?? []);
            };
            const onAbort = () => settle(lookupError('ECANCELLED', hostname));
            controller.signal.addEventListener('abort', onAbort, { once: true });
            if (timeout !== null)
                deadline = clock.setTimeout(() => settle(lookupError('ETIMEOUT', hostname)), timeout);
            resolveFamily(hostname, family, controller.signal).then((value) => settle(null, value), (err) => settle(err instanceof Error ? err : lookupError(codeOf(err), hostname)));
        });
    };
    const cancelAll = () => {
        for (const controller of [...live])
            controller.abort();
    };
    options.signal?.addEventListener('abort', cancelAll, { once: true });
    const withSignal = (signal) => (hostname, lookupOptions, callback) => {
        const all = typeof lookupOptions === 'object' && lookupOptions !== null && lookupOptions.all === true;
        const order = typeof lookupOptions === 'object' ? lookupOptions?.order : undefined;
        resolve(hostname, { family: familyOf(lookupOptions), ...(signal ? { signal } : {}) }).then((found) => {
            const sorted = order === 'ipv6first' ? [...found].sort((a, b) => b.family - a.family) : found;
            const first = sorted[0];
            if (all)
                callback(null, sorted);
            else if (first === undefined)
                callback(lookupError('ENOTFOUND', hostname), '');
            else
                callback(null, first.address, first.family);
        }, (err) => callback(err, all ? [] : ''));
    };
    const lookup = withSignal(undefined);
    lookup.withSignal = (signal) => withSignal(signal);
    lookup.resolve = resolve;
    lookup.cancelAll = cancelAll;
    Object.defineProperty(lookup, 'pending', { get: () => live.size, enumerable: true });
    return lookup;
}
//# sourceMappingURL=dns-lookup.js.map