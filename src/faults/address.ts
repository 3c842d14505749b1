import { lookup } from 'node:dns/promises';
import net from 'node:net';

/** A `host:port` string split as Go's net.SplitHostPort does; throws with Go's message. */
export function splitHostPort(addr: string): { host: string; port: string } {
  const fail = (why: string): never => {
    throw new Error(`address ${addr}: ${why}`);
  };
  const i = addr.lastIndexOf(':');
  if (i < 0) fail('missing port in address');
  let host: string;
  if (addr.startsWith('[')) {
    const end = addr.indexOf(']');
    if (end < 0) fail("missing ']' in address");
    if (end + 1 === addr.length) fail('missing port in address');
    if (end + 1 !== i) fail(addr[end + 1] === ':' ? 'too many colons in address' : 'missing port in address');
    host = addr.slice(1, end);
    if (host.includes('[')) fail("unexpected '[' in address");
  } else {
    host = addr.slice(0, i);
    if (host.includes(':')) fail('too many colons in address');
    if (host.includes('[')) fail("unexpected '[' in address");
    if (host.includes(']')) fail("unexpected ']' in address");
  }
  const port = addr.slice(i + 1);
  if (port.includes(']')) fail("unexpected ']' in address");
  return { host, port };
}

/** `host:port`, bracketing IPv6 hosts, as Go's net.JoinHostPort. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function parsePort(addr: string, port: string): number {
  if (port === '') return 0;
  if (!/^\d+$/.test(port)) throw new Error(`lookup tcp/${port}: unknown port`);
  const n = Number(port);
  if (n > 65535) throw new Error(`address ${addr}: invalid port`);
  return n;
}

/** Where to bind for a Toxiproxy `listen` value; an empty host means every interface. Throws Go-style errors. */
export async function resolveListen(addr: string): Promise<{ host: string | undefined; port: number }> {
  const { host, port } = splitHostPort(addr);
  const p = parsePort(addr, port);
  if (host === '') return { host: undefined, port: p };
  if (net.isIP(host)) return { host, port: p };
  try {
    const all = await lookup(host, { all: true });
    const pick = all.find((a) => a.family === 4) ?? all[0];
    if (!pick) throw new Error('no such host');
    return { host: pick.address, port: p };
  } catch {
    throw new Error(`lookup ${host}: no such host`);
  }
}

/** The upstream to dial; throws Go-style errors for malformed addresses. */
export function parseUpstream(addr: string): { host: string; port: number } {
  const { host, port } = splitHostPort(addr);
  return { host: host === '' ? 'localhost' : host, port: parsePort(addr, port) };
}

const BIND_ERRORS: Record<string, string> = {
  EADDRINUSE: 'bind: address already in use',
  EACCES: 'bind: permission denied',
  EADDRNOTAVAIL: 'bind: cannot assign requested address',
  EAFNOSUPPORT: 'socket: address family not supported by protocol',
};

/** A bind failure as Go's `listen tcp <addr>: bind: …`. */
export function listenErrorText(host: string | undefined, port: number, err: NodeJS.ErrnoException): string {
  const what = (err.code && BIND_ERRORS[err.code]) ?? err.message;
  return `listen tcp ${joinHostPort(host ?? '', port)}: ${what}`;
}
