import { wallClock, type Clock } from '../core/clock.js';
import { Random } from '../core/random.js';
import { ApiErrors, toApiError, type ToxiproxyApiError } from './api/errors.js';
import { decodeStruct, toJValue, typeErrorText, type GoStruct, type JValue } from './go-json.js';
import { Proxy, type ProxyJson, type ProxyUpdate } from './proxy.js';
import { SerialLock } from './serial-lock.js';

/** A proxy to create. `listen` defaults to '' (every interface, a random port); `enabled` to true. */
export interface ProxyConfig {
  name: string;
  listen?: string;
  upstream: string;
  enabled?: boolean;
}

/** What POST /populate reports: the proxies handled so far (as Toxiproxy renders them), and the error that stopped it. */
export interface PopulateOutcome {
  proxies: Proxy[];
  json: ProxyJson[];
  error?: ToxiproxyApiError;
}

const PROXY_FIELDS: GoStruct['fields'] = [
  { key: 'name', kind: 'string' },
  { key: 'listen', kind: 'string' },
  { key: 'upstream', kind: 'string' },
  { key: 'enabled', kind: 'bool' },
  { key: 'Logger', kind: 'object', goType: 'zerolog.Logger' },
];
const PROXY: GoStruct = { name: 'Proxy', fields: PROXY_FIELDS };
const POPULATE_ITEM: GoStruct = {
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
  readonly clock: Clock;
  readonly #random: Random;
  readonly #proxies = new Map<string, Proxy>();
  readonly #lock = new SerialLock();

  constructor(opts: { clock?: Clock; random?: Random } = {}) {
    this.clock = opts.clock ?? wallClock;
    this.#random = opts.random ?? new Random(Date.now());
  }

  list(): Proxy[] {
    return [...this.#proxies.values()];
  }

  find(name: string): Proxy | undefined {
    return this.#proxies.get(name);
  }

  /** The named proxy; throws 404 `proxy not found`. */
  get(name: string): Proxy {
    const p = this.#proxies.get(name);
    if (!p) throw ApiErrors.proxyNotFound();
    return p;
  }

  create(config: ProxyConfig): Promise<Proxy> {
    return this.createJson(toJValue(config));
  }

  /** POST /proxies. */
  createJson(body: JValue): Promise<Proxy> {
    return this.#lock.run(async () => {
      const d = decodeStruct(body, PROXY, 'toxiproxy.Proxy');
      if (d.error !== undefined) throw ApiErrors.badRequestBody(d.error);
      const name = (d.values.get('name') as string | undefined) ?? '';
      const upstream = (d.values.get('upstream') as string | undefined) ?? '';
      if (name === '') throw ApiErrors.missingField('name');
      if (upstream === '') throw ApiErrors.missingField('upstream');
      if (this.#proxies.has(name)) throw ApiErrors.proxyAlreadyExists();
      const proxy = this.#newProxy(name, (d.values.get('listen') as string | undefined) ?? '', upstream);
      if ((d.values.get('enabled') as boolean | undefined) ?? true) await proxy.start();
      this.#proxies.set(name, proxy);
      return proxy;
    });
  }

  update(name: string, input: ProxyUpdate): Promise<Proxy> {
    return this.updateJson(name, toJValue(input));
  }

  /** PATCH/POST /proxies/{name}: omitted fields keep their values; `name` is ignored. */
  async updateJson(name: string, body: JValue): Promise<Proxy> {
    const proxy = this.get(name);
    const d = decodeStruct(body, PROXY, 'toxiproxy.Proxy');
    if (d.error !== undefined) throw ApiErrors.badRequestBody(d.error);
    await proxy.update({
      listen: d.values.get('listen') as string | undefined,
      upstream: d.values.get('upstream') as string | undefined,
      enabled: d.values.get('enabled') as boolean | undefined,
    });
    return proxy;
  }

  /** Creates or replaces proxies; throws the first error (the proxies before it stay). */
  async populate(configs: ProxyConfig[]): Promise<Proxy[]> {
    const outcome = await this.populateJson(toJValue(configs));
    if (outcome.error) throw outcome.error;
    return outcome.proxies;
  }

  /**
   * POST /populate, as Toxiproxy 2.12: every name and upstream is checked before anything changes; a proxy
   * of the same name is replaced only if its listen address resolves differently or its upstream differs
   * (Proxy.Differs); an unchanged one is kept with its toxics and connections, and reported in its real
   * state, as Toxiproxy's AddOrReplace returns the existing proxy; `enabled` null or absent means true.
   */
  populateJson(body: JValue): Promise<PopulateOutcome> {
    return this.#lock.run(async () => {
      const outcome: PopulateOutcome = { proxies: [], json: [] };
      if (body.kind !== 'array' && body.kind !== 'null') {
        outcome.error = ApiErrors.badRequestBody(typeErrorText(body.kind, `[]${POPULATE_ITEM_TYPE}`));
        return outcome;
      }
      const items = body.kind === 'array' ? body.items : [];
      const inputs: { name: string; listen: string; upstream: string; enabled: boolean }[] = [];
      let typeError: string | undefined;
      for (const item of items) {
        const d = decodeStruct(item, POPULATE_ITEM, POPULATE_ITEM_TYPE);
        typeError ??= d.error;
        inputs.push({
          name: (d.values.get('name') as string | undefined) ?? '',
          listen: (d.values.get('listen') as string | undefined) ?? '',
          upstream: (d.values.get('upstream') as string | undefined) ?? '',
          enabled: (d.values.get('enabled') as boolean | null | undefined) ?? true,
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
          let differs: boolean;
          try {
            differs = await existing.differs(input.listen, input.upstream);
          } catch (err) {
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
          } catch (err) {
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
  remove(name: string): Promise<void> {
    return this.#lock.run(async () => {
      const proxy = this.get(name);
      await proxy.stop();
      this.#proxies.delete(name);
    });
  }

  /** POST /reset: enables every proxy and removes every toxic; stops at the first proxy that cannot start. */
  reset(): Promise<void> {
    return this.#lock.run(async () => {
      for (const proxy of this.#proxies.values()) {
        await proxy.start();
        await proxy.toxics.reset();
      }
    });
  }

  /** Stops and forgets every proxy. */
  clear(): Promise<void> {
    return this.#lock.run(async () => {
      await Promise.all([...this.#proxies.values()].map((p) => p.stop()));
      this.#proxies.clear();
    });
  }

  #newProxy(name: string, listen: string, upstream: string): Proxy {
    return new Proxy({ name, listen, upstream, clock: this.clock, random: this.#random.fork(name) });
  }
}
