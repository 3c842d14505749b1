import type { LookupAddress, LookupOptions } from 'node:dns';
import net from 'node:net';
import type { Clock, LongTimer } from '../core/clock.js';
import { InputError } from '../core/errors.js';
import { DnsChannel, dnsError, type DnsQueryError, type QueryType } from './dns-query.js';

/** Options of {@link createLookup}. */
export interface DnsLookupOptions {
  /** The DNS server to ask (our fault server). */
  server: { host: string; port: number };
  /**
   * Scenario ms a whole lookup may take before it fails with ETIMEOUT (Fluent Bit's async stack, c-ares).
   * null waits forever, like the blocking getaddrinfo of Fluent Bit's sync stack: a stalled query hangs
   * until the stall would end, which for a dropped packet is never, or until cancelled.
   */
  timeout: number | null;
  clock: Clock;
  /** With a timeout: how many times the query is sent within it (c-ares retransmits). Default 1. */
  tries?: number;
  /** Aborting cancels every pending lookup and fails later ones at once (teardown). */
  signal?: AbortSignal;
}

/** A Node-style lookup error: `code` ENOTFOUND (NXDOMAIN or no address), ESERVFAIL, ETIMEOUT, ECANCELLED, ... */
export type DnsLookupError = DnsQueryError;

/** Callback of {@link net.LookupFunction}. */
export type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `net.LookupFunction` that resolves through our DNS server; pass it as `lookup` to `net.connect`,
 * `tls.connect` or undici's `connect` options. IP literals and `localhost` do not touch DNS.
 */
export interface DnsLookup {
  (hostname: string, options: LookupOptions, callback: LookupCallback): void;
  /**
   * The same lookup, with its queries cancelled (ECANCELLED) when `signal` aborts. For a connection:
   * abort on the socket's `close`, so a lookup hung on a stall does not outlive the socket.
   */
  withSignal(signal: AbortSignal): (hostname: string, options: LookupOptions, callback: LookupCallback) => void;
  /** Promise form: every address found (family 0 asks for A and AAAA at once, IPv4 first). */
  resolve(hostname: string, options?: { family?: 0 | 4 | 6; signal?: AbortSignal }): Promise<LookupAddress[]>;
  /** Cancels every pending lookup (ECANCELLED). */
  cancelAll(): void;
  /** Cancels every pending lookup and closes the UDP socket (a later lookup opens a new one). */
  close(): void;
  /** Lookups not settled yet. */
  readonly pending: number;
}

type Family = 0 | 4 | 6;

const lookupError = dnsError;

/** The abort reason of a lookup's own controller (read by nobody: its listeners only need the event). */
const SETTLED = Object.freeze({ settled: true });

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'EUNKNOWN';
}

function familyOf(options: LookupOptions | number | undefined): Family {
  const f = typeof options === 'number' ? options : options?.family;
  if (f === 4 || f === 'IPv4') return 4;
  if (f === 6 || f === 'IPv6') return 6;
  return 0;
}

/** Makes a lookup that resolves names through `server`, with or without a timeout. */
export function createLookup(options: DnsLookupOptions): DnsLookup {
  const { server, timeout, clock } = options;
  const tries = options.tries ?? 1;
  if (timeout !== null && !(timeout > 0 && Number.isFinite(timeout))) throw new InputError(`DNS lookup timeout must be a positive number of ms or null, got ${timeout}`);
  if (!(Number.isInteger(tries) && tries >= 1)) throw new InputError(`DNS lookup tries must be an integer >= 1, got ${tries}`);
  // c-ares splits the timeout into `tries` equal tries, re-sending the query after each; so do we. The
  // clock deadline in `resolve` is what ends the lookup. (No c-ares here at all: see dns-query.ts.)
  const retransmit =
    timeout === null || tries === 1
      ? undefined
      : (send: () => void): (() => void) => {
          let left = tries - 1;
          const timer = clock.setInterval(() => {
            send();
            if (--left === 0) clearInterval(timer);
          }, timeout / tries);
          return () => clearInterval(timer);
        };
  const live = new Set<AbortController>();
  // All of this lookup's questions go out on one UDP socket, as a stub resolver's do (dns-query.ts).
  const channel = new DnsChannel(server);
  const queryOptions = (signal: AbortSignal): { signal: AbortSignal; retransmit?: (send: () => void) => () => void } => (retransmit ? { signal, retransmit } : { signal });

  const queryOne = (name: string, type: QueryType, signal: AbortSignal): Promise<string[]> => channel.query(name, type, queryOptions(signal));

  const resolveFamily = async (name: string, family: Family, signal: AbortSignal): Promise<LookupAddress[]> => {
    const types: QueryType[] = family === 4 ? ['A'] : family === 6 ? ['AAAA'] : ['A', 'AAAA'];
    const settled = await Promise.allSettled(types.map((t) => queryOne(name, t, signal)));
    const addresses: LookupAddress[] = [];
    let error: DnsLookupError | null = null;
    settled.forEach((r, i) => {
      if (r.status === 'fulfilled') {
        for (const address of r.value) addresses.push({ address, family: types[i] === 'A' ? 4 : 6 });
      } else if (error === null || error.code === 'ENODATA') {
        error = r.reason as DnsLookupError;
      }
    });
    if (addresses.length > 0) return addresses;
    const failure: DnsLookupError = error ?? lookupError('ENOTFOUND', name);
    throw failure.code === 'ENODATA' ? lookupError('ENOTFOUND', name) : failure;
  };

  const resolve = (hostname: string, opts: { family?: Family; signal?: AbortSignal } = {}): Promise<LookupAddress[]> => {
    const family = opts.family ?? 0;
    const literal = net.isIP(hostname);
    if (literal !== 0) return Promise.resolve([{ address: hostname, family: literal }]);
    if (hostname.toLowerCase() === 'localhost' || hostname.toLowerCase() === 'localhost.') {
      const local: LookupAddress[] = [
        { address: '127.0.0.1', family: 4 },
        { address: '::1', family: 6 },
      ];
      return Promise.resolve(local.filter((a) => family === 0 || a.family === family));
    }
    if (options.signal?.aborted || opts.signal?.aborted) return Promise.reject(lookupError('ECANCELLED', hostname));
    const controller = new AbortController();
    live.add(controller);
    const onOuterAbort = (): void => controller.abort(SETTLED);
    opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
    return new Promise<LookupAddress[]>((resolvePromise, rejectPromise) => {
      let deadline: LongTimer | null = null;
      const settle = (err: Error | null, value?: LookupAddress[]): void => {
        if (!live.delete(controller)) return;
        deadline?.clear();
        controller.signal.removeEventListener('abort', onAbort);
        opts.signal?.removeEventListener('abort', onOuterAbort);
        // A lookup that ended (deadline, cancel) gives up its questions still waiting. (With a reason of
        // our own: the default one is a DOMException, with a stack, made per lookup.)
        controller.abort(SETTLED);
        if (err) rejectPromise(err);
        else resolvePromise(value ?? []);
      };
      const onAbort = (): void => settle(lookupError('ECANCELLED', hostname));
      controller.signal.addEventListener('abort', onAbort, { once: true });
      if (timeout !== null) deadline = clock.setTimeout(() => settle(lookupError('ETIMEOUT', hostname)), timeout);
      resolveFamily(hostname, family, controller.signal).then(
        (value) => settle(null, value),
        (err: unknown) => settle(err instanceof Error ? err : lookupError(codeOf(err), hostname)),
      );
    });
  };

  const cancelAll = (): void => {
    for (const controller of [...live]) controller.abort(SETTLED);
  };
  const close = (): void => {
    cancelAll();
    channel.close();
  };
  options.signal?.addEventListener('abort', close, { once: true });

  const withSignal = (signal: AbortSignal | undefined) => (hostname: string, lookupOptions: LookupOptions, callback: LookupCallback): void => {
    const all = typeof lookupOptions === 'object' && lookupOptions !== null && lookupOptions.all === true;
    const order = typeof lookupOptions === 'object' ? lookupOptions?.order : undefined;
    resolve(hostname, { family: familyOf(lookupOptions), ...(signal ? { signal } : {}) }).then(
      (found) => {
        const sorted = order === 'ipv6first' ? [...found].sort((a, b) => b.family - a.family) : found;
        const first = sorted[0];
        if (all) callback(null, sorted);
        else if (first === undefined) callback(lookupError('ENOTFOUND', hostname), '');
        else callback(null, first.address, first.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, all ? [] : ''),
    );
  };

  const lookup = withSignal(undefined) as DnsLookup;
  lookup.withSignal = (signal: AbortSignal) => withSignal(signal);
  lookup.resolve = resolve;
  lookup.cancelAll = cancelAll;
  lookup.close = close;
  Object.defineProperty(lookup, 'pending', { get: () => live.size, enumerable: true });
  return lookup;
}
