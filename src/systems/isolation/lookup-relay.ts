import { setMaxListeners } from 'node:events';
import type { LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { MessagePort } from 'node:worker_threads';
import type { DnsLookup, LookupCallback } from '../../faults/dns-lookup.js';

/**
 * DNS lookups of an isolated instance, resolved on the main thread.
 *
 * Why: a `kill` fault ends an instance's worker with `worker.terminate()` at any moment, and Node
 * (20) aborts the whole process — `FATAL ERROR: v8::FromJust Maybe value is Nothing`, exit 134 —
 * when a terminating worker still has a DNS answer to deliver: c-ares parses it in a native immediate
 * (`cares_wrap::ATraits::Parse`) and a UDP socket builds the sender's address (`UDPWrap::OnRecv` →
 * `AddressToJS`), both with V8 calls that fail once termination has begun and are checked with
 * `Check()`. Both were reproduced in seconds by terminating workers with lookups in flight. So an
 * instance worker has no resolver and no UDP socket at all: it posts each lookup on a MessagePort and
 * the main thread, which is never terminated, asks the DNS fault server and posts the answer back. A
 * worker terminated mid-lookup just never reads its answer; the main thread cancels what it still had
 * pending for it. Timeouts and tries are the main thread's {@link DnsLookup}'s, on the same clock.
 */

interface LookupRequest {
  t: 'lookup';
  id: number;
  hostname: string;
  family: 0 | 4 | 6;
}

interface LookupAnswer {
  id: number;
  addresses: LookupAddress[];
  error: { code: string; message: string } | null;
}

function familyOf(options: LookupOptions | number | undefined): 0 | 4 | 6 {
  const f = typeof options === 'number' ? options : options?.family;
  if (f === 4 || f === 'IPv4') return 4;
  if (f === 6 || f === 'IPv6') return 6;
  return 0;
}

/** What a shared worker's instance scope does to its lookups (src/systems/isolation/instance-scope.ts). */
export interface LookupScope {
  gate<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  onKill(fn: () => void): void;
}

/**
 * Worker side: a `net.LookupFunction` whose lookups the main thread resolves ({@link serveLookups} on
 * the other end of `port`). The port is unref'd: a lookup does not keep a stopping worker alive.
 */
export function relayedLookup(port: MessagePort, scope?: LookupScope): LookupFunction {
  const pending = new Map<number, { hostname: string; all: boolean; order: LookupOptions['order']; callback: LookupCallback }>();
  let nextId = 0;
  // In a shared worker: answers wait for a paused instance's thaw, and a kill drops what is pending.
  scope?.onKill(() => {
    pending.clear();
    port.close();
  });
  const gate = scope ? scope.gate.bind(scope) : <A extends unknown[]>(fn: (...a: A) => void) => fn;
  port.on('message', gate((answer: LookupAnswer) => {
    const p = pending.get(answer.id);
    if (!p) return;
    pending.delete(answer.id);
    if (answer.error) {
      const err = new Error(answer.error.message) as NodeJS.ErrnoException & { hostname: string };
      err.code = answer.error.code;
      err.syscall = 'getaddrinfo';
      err.hostname = p.hostname;
      p.callback(err, p.all ? [] : '');
      return;
    }
    const sorted = p.order === 'ipv6first' ? [...answer.addresses].sort((a, b) => b.family - a.family) : answer.addresses;
    const first = sorted[0];
    if (p.all) p.callback(null, sorted);
    else if (first === undefined) p.callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${p.hostname}`), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: p.hostname }), '');
    else p.callback(null, first.address, first.family);
  }));
  port.unref();
  const lookup = (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    const id = nextId++;
    const opts = typeof options === 'object' && options !== null ? options : {};
    pending.set(id, { hostname, all: opts.all === true, order: opts.order, callback });
    const request: LookupRequest = { t: 'lookup', id, hostname, family: familyOf(options) };
    port.postMessage(request);
  };
  return lookup as unknown as LookupFunction;
}

/**
 * Main side: answers the lookups posted on `port` with `lookup`. `close()` (when the instance ends, by
 * stop or kill) cancels the lookups still pending for it and closes the port.
 */
export function serveLookups(port: MessagePort, lookup: DnsLookup): { close(): void } {
  const controller = new AbortController();
  // One listener per pending lookup: a stalled server legitimately holds many.
  setMaxListeners(0, controller.signal);
  port.on('message', (request: LookupRequest) => {
    if (request.t !== 'lookup') return;
    lookup.resolve(request.hostname, { family: request.family, signal: controller.signal }).then(
      (addresses) => answer({ id: request.id, addresses, error: null }),
      (err: NodeJS.ErrnoException) => answer({ id: request.id, addresses: [], error: { code: err.code ?? 'EUNKNOWN', message: err.message } }),
    );
  });
  const answer = (a: LookupAnswer): void => {
    if (!controller.signal.aborted) port.postMessage(a);
  };
  return {
    close: () => {
      controller.abort();
      lookup.close();
      port.close();
    },
  };
}
