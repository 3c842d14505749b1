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

/**
 * The messages are strings, the cheapest thing to post and read (a lookup costs the main thread two of
 * them; as objects, with an array of address objects, they cost a visible share of its time):
 *
 * - request: `<id> <family> <hostname>` (the hostname is the rest of the line, whatever it holds);
 * - answer: `<id> ok <address>/<family> <address>/<family> ...` or `<id> err <code> <message>`.
 */
type LookupRequest = string;
type LookupAnswer = string;

function encodeAnswer(id: number, addresses: readonly LookupAddress[]): LookupAnswer {
  let out = `${id} ok`;
  for (const a of addresses) out += ` ${a.address}/${a.family}`;
  return out;
}

function encodeError(id: number, code: string, message: string): LookupAnswer {
  return `${id} err ${code} ${message}`;
}

type DecodedAnswer = { id: number; addresses: LookupAddress[]; error: null } | { id: number; addresses: null; error: { code: string; message: string } };

function decodeAnswer(answer: LookupAnswer): DecodedAnswer {
  const idEnd = answer.indexOf(' ');
  const id = Number(answer.slice(0, idEnd));
  if (answer.startsWith('err ', idEnd + 1)) {
    const codeStart = idEnd + 5;
    const codeEnd = answer.indexOf(' ', codeStart);
    return { id, addresses: null, error: { code: answer.slice(codeStart, codeEnd), message: answer.slice(codeEnd + 1) } };
  }
  const addresses: LookupAddress[] = [];
  for (const item of answer.slice(idEnd + 4).split(' ')) {
    if (item === '') continue;
    const slash = item.lastIndexOf('/');
    addresses.push({ address: item.slice(0, slash), family: Number(item.slice(slash + 1)) });
  }
  return { id, addresses, error: null };
}

function decodeRequest(request: LookupRequest): { id: number; family: 0 | 4 | 6; hostname: string } {
  const first = request.indexOf(' ');
  const second = request.indexOf(' ', first + 1);
  const family = Number(request.slice(first + 1, second));
  return { id: Number(request.slice(0, first)), family: family === 4 || family === 6 ? family : 0, hostname: request.slice(second + 1) };
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
  port.on('message', gate((message: LookupAnswer) => {
    const answer = decodeAnswer(message);
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
    const sorted = p.order === 'ipv6first' ? answer.addresses.sort((a, b) => b.family - a.family) : answer.addresses;
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
    const request: LookupRequest = `${id} ${familyOf(options)} ${hostname}`;
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
  port.on('message', (message: LookupRequest) => {
    if (typeof message !== 'string') return;
    const request = decodeRequest(message);
    lookup.resolve(request.hostname, { family: request.family, signal: controller.signal }).then(
      (addresses) => answer(encodeAnswer(request.id, addresses)),
      (err: NodeJS.ErrnoException) => answer(encodeError(request.id, err.code ?? 'EUNKNOWN', err.message)),
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
