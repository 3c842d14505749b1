import { wallClock } from '../core/clock.js';
import { Random } from '../core/random.js';
import { ApiErrors, toApiError } from './api/errors.js';
import { decodeStruct, toJValue, typeErrorText } from './go-json.js';
import { Proxy } from './proxy.js';
import { SerialLock } from './serial-lock.js';
const PROXY_FIELDS = [
    { key: 'name', kind: 'string' },
    { key: 'listen', kind: 'string' },
    { key: 'upstream', kind: 'string' },
    { key: 'enabled', kind: 'bool' },
    { key: 'Logger', kind: 'object', goType: 'zerolog.Logger' },
];
const PROXY = { name: 'Proxy', fields: PROXY_FIELDS };
const POPULATE_ITEM = {
    name: '',
    fields: PROXY_FIELDS.map((f) => (f.key === 'enabled' ? { key: 'enabled', kind: 'nullable-bool', goType: 'bool' } : f)),
};
const POPULATE_ITEM_TYPE = 'struct { toxiproxy.Proxy; Enabled *bool "json:\\"enabled\\"" }';
/**
 * Every proxy of one Toxiproxy-compatible server, by name. The methods are the programmatic API (they throw
 * ToxiproxyApiError with Toxiproxy's status and message); the `…Json` variants take a parsed request body
 * and decode it with Go's rules, for the HTTP server.
 */
export class ProxyCollection {
    clock;
    #random;
    #proxies = new Map();
    #lock = new SerialLock();
    constructor(opts = {}) {
        this.clock = opts.clock ?? wallClock;
        this.#random = opts.random ?? new Random(Date.now());
    }
    list() {
        return [...this.#proxies.values()];
    }
    find(name) {
        return this.#proxies.get(name);
    }
    /** The named proxy; throws 404 `proxy not found`. */
    get(name) {
        const p = this.#proxies.get(name);
        if (!p)
            throw ApiErrors.proxyNotFound();
        return p;
    }
    create(config) {
        return this.createJson(toJValue(config));
    }
    /** POST /proxies. */
    createJson(body) {
        return this.#lock.run(async () => {
            const d = decodeStruct(body, PROXY, 'toxiproxy.Proxy');
            if (d.error !== undefined)
                throw ApiErrors.badRequestBody(d.error);
            const name = d.values.get('name') ?? '';
            const upstream = d.values.get('upstream') ?? '';
            if (name === '')
                throw ApiErrors.missingField('name');
            if (upstream === '')
                throw ApiErrors.missingField('upstream');
            if (this.#proxies.has(name))
                throw ApiErrors.proxyAlreadyExists();
            const proxy = this.#newProxy(name, d.values.get('listen') ?? '', upstream);
            if (d.values.get('enabled') ?? true)
                await proxy.start();
            this.#proxies.set(name, proxy);
            return proxy;
        });
    }
    update(name, input) {
        return this.updateJson(name, toJValue(input));
    }
    /** PATCH/POST /proxies/{name}: omitted fields keep their values; `name` is ignored. */
    async updateJson(name, body) {
        const proxy = this.get(name);
        const d = decodeStruct(body, PROXY, 'toxiproxy.Proxy');
        if (d.error !== undefined)
            throw ApiErrors.badRequestBody(d.error);
        await proxy.update({
            listen: d.values.get('listen'),
            upstream: d.values.get('upstream'),
            enabled: d.values.get('enabled'),
        });
        return proxy;
    }
    /** Creates or replaces proxies; throws the first error (the proxies before it stay). */
    async populate(configs) {
        const outcome = await this.populateJson(toJValue(configs));
        if (outcome.error)
            throw outcome.error;
        return outcome.proxies;
    }
    /**
     * POST /populate, as Toxiproxy 2.12: every name and upstream is checked before anything changes; a proxy
     * of the same name is replaced only if its listen address resolves differently or its upstream differs
     * (Proxy.Differs); an unchanged one is kept with its toxics and connections, and reported in its real
     * state, as Toxiproxy's AddOrReplace returns the existing proxy; `enabled` null or absent means true.
     */
    populateJson(body) {
        return this.#lock.run(async () => {
            const outcome = { proxies: [], json: [] };
            if (body.kind !== 'array' && body.kind !== 'null') {
                outcome.error = ApiErrors.badRequestBody(typeErrorText(body.kind, `[]${POPULATE_ITEM_TYPE}`));
                return outcome;
            }
            const items = body.kind === 'array' ? body.items : [];
            const inputs = [];
            let typeError;
            for (const item of items) {
                const d = decodeStruct(item, POPULATE_ITEM, POPULATE_ITEM_TYPE);
                typeError ??= d.error;
                inputs.push({
                    name: d.values.get('name') ?? '',
                    listen: d.values.get('listen') ?? '',
                    upstream: d.values.get('upstream') ?? '',
                    enabled: d.values.get('enabled') ?? true,
                });
            }
            if (typeError !== undefined) {
                outcome.error = ApiErrors.badRequestBody(typeError);
                return outcome;
            }
            for (const [i, input] of inputs.entries()) {
                if (input.name === '') {
                    outcome.error = ApiErrors.missingField(`name at proxy ${i + 1}`);
                    return outcome;
                }
                if (input.upstream === '') {
                    outcome.error = ApiErrors.missingField(`upstream at proxy ${i + 1}`);
                    return outcome;
                }
            }
            for (const input of inputs) {
                const existing = this.#proxies.get(input.name);
                if (existing) {
                    let differs;
                    try {
                        differs = await existing.differs(input.listen, input.upstream);
                    }
                    catch (err) {
                        outcome.error = toApiError(err);
                        return outcome;
                    }
                    if (!differs) {
                        // Kept as it is, toxics, connections and enabled state included, and reported as it is.
                        outcome.proxies.push(existing);
                        outcome.json.push(existing.toJSON());
                        continue;
                    }
                    await existing.stop();
                }
                const proxy = this.#newProxy(input.name, input.listen, input.upstream);
                if (input.enabled) {
                    try {
                        await proxy.start();
                    }
                    catch (err) {
                        outcome.error = toApiError(err);
                        return outcome;
                    }
                }
                this.#proxies.set(input.name, proxy);
                outcome.proxies.push(proxy);
                outcome.json.push(proxy.toJSON());
            }
            return outcome;
        });
    }
    /** DELETE /proxies/{name}: stops the proxy (closing its connections) and forgets it. */
    remove(name) {
        return this.#lock.run(async () => {
            const proxy = this.get(name);
            await proxy.stop();
            this.#proxies.delete(name);
        });
    }
    /** POST /reset: enables every proxy and removes every toxic; stops at the first proxy that cannot start. */
    reset() {
        return this.#lock.run(async () => {
            for (const proxy of this.#proxies.values()) {
                await proxy.start();
                await proxy.toxics.reset();
            }
        });
    }
    /** Stops and forgets every proxy. */
    clear() {
        return this.#lock.run(async () => {
            await Promise.all([...this.#proxies.values()].map((p) => p.stop()));
            this.#proxies.clear();
        });
    }
    #newProxy(name, listen, upstream) {
        return new Proxy({ name, listen, upstream, clock: this.clock, random: this.#random.fork(name) });
    }
}
//# sourceMappingURL=proxy-collection.js.map