import { readFileSync } from 'node:fs';
import { lookup } from 'node:dns/promises';
import net from 'node:net';
/** A `host:port` string split as Go's net.SplitHostPort does; throws with Go's message. */
export function splitHostPort(addr) {
    const fail = (why) => {
        throw new Error(`address ${addr}: ${why}`);
    };
    const i = addr.lastIndexOf(':');
    if (i < 0)
        fail('missing port in address');
    let host;
    if (addr.startsWith('[')) {
        const end = addr.indexOf(']');
        if (end < 0)
            fail("missing ']' in address");
        if (end + 1 === addr.length)
            fail('missing port in address');
        if (end + 1 !== i)
            fail(addr[end + 1] === ':' ? 'too many colons in address' : 'missing port in address');
        host = addr.slice(1, end);
        if (host.includes('['))
            fail("unexpected '[' in address");
    }
    else {
        host = addr.slice(0, i);
        if (host.includes(':'))
            fail('too many colons in address');
        if (host.includes('['))
            fail("unexpected '[' in address");
        if (host.includes(']'))
            fail("unexpected ']' in address");
    }
    const port = addr.slice(i + 1);
    if (port.includes(']'))
        fail("unexpected ']' in address");
    return { host, port };
}
/** `host:port`, bracketing IPv6 hosts, as Go's net.JoinHostPort. */
export function joinHostPort(host, port) {
    return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
/**
 * A port as Go's net package reads one: an optional sign and decimal digits (saturating, as Go's parsePort),
 * '' is 0, anything else is a service name (`needsLookup`). Out-of-range numbers fail later with
 * `address <port>: invalid port`, naming the port only, as Go's AddrError does.
 */
function goParsePort(port) {
    if (port === '')
        return { value: 0, needsLookup: false };
    const negative = port.startsWith('-');
    const digits = port.startsWith('-') || port.startsWith('+') ? port.slice(1) : port;
    if (!/^\d*$/.test(digits))
        return { value: 0, needsLookup: true };
    // Go saturates at 2^30 and beyond; any such value is out of range, so a clamp keeps the same answers.
    const significant = digits.replace(/^0+/, '');
    const magnitude = significant.length > 10 ? 2 ** 30 : Math.min(Number(significant || '0'), 2 ** 30);
    return { value: negative ? -magnitude : magnitude, needsLookup: false };
}
/** Go's fallback when /etc/services is missing (net/lookup.go). */
const BUILTIN_TCP_SERVICES = {
    ftp: 21, ftps: 990, gopher: 70, http: 80, https: 443, imap2: 143, imap3: 220, imaps: 993, pop3: 110, pop3s: 995, smtp: 25, submissions: 465, ssh: 22, telnet: 23,
};
let tcpServices;
/** TCP service names and aliases from /etc/services (read once), as Go's resolver reads them. */
function tcpServiceTable() {
    if (tcpServices)
        return tcpServices;
    tcpServices = new Map(Object.entries(BUILTIN_TCP_SERVICES));
    try {
        for (const line of readFileSync('/etc/services', 'utf8').split('\n')) {
            const [name, portProto, ...aliases] = (line.split('#')[0] ?? '').trim().split(/\s+/);
            const m = /^(\d+)\/tcp$/.exec(portProto ?? '');
            if (!name || !m)
                continue;
            for (const n of [name, ...aliases])
                if (!tcpServices.has(n))
                    tcpServices.set(n, Number(m[1]));
        }
    }
    catch {
        // no /etc/services: Go's built-in table only
    }
    return tcpServices;
}
function parsePort(port) {
    const p = goParsePort(port);
    if (p.needsLookup) {
        const known = tcpServiceTable().get(port) ?? tcpServiceTable().get(port.toLowerCase());
        if (known === undefined)
            throw new Error(`lookup tcp/${port}: unknown port`);
        return known;
    }
    if (p.value < 0 || p.value > 65535)
        throw new Error(`address ${port}: invalid port`);
    return p.value;
}
/** Looks up a host name as Go does for a "tcp" address: the first IPv4 answer, else the first answer. */
async function lookupHost(host, wantIPv6) {
    let all;
    try {
        all = await lookup(host, { all: true });
    }
    catch {
        throw new Error(`lookup ${host}: no such host`);
    }
    const pick = wantIPv6 ? all.find((a) => a.family === 6) : all.find((a) => a.family === 4);
    if (!pick)
        throw new Error(`address ${host}: no suitable address found`);
    return pick.address;
}
/**
 * Where to bind for a Toxiproxy `listen` value, as Go's net.Listen("tcp", addr) reads it: '' and an empty
 * host mean every interface (Node binds `::`, dual-stack, as Go does), port '' or 0 a free port. Throws
 * Go-style errors (`address 99999: invalid port`, `address nope: missing port in address`).
 */
export async function resolveListen(addr) {
    if (addr === '')
        return { host: undefined, port: 0 };
    const { host, port } = splitHostPort(addr);
    const p = parsePort(port);
    if (host === '')
        return { host: undefined, port: p };
    if (net.isIP(host))
        return { host, port: p };
    return { host: await lookupHost(host, false), port: p };
}
/**
 * Go's `net.ResolveTCPAddr("tcp", addr).String()`: what Toxiproxy compares a proxy's listen address with
 * (Proxy.Differs), so that `localhost:7070` names the proxy listening on `127.0.0.1:7070`. '' is `:0`.
 */
export async function resolveTcpAddrText(addr) {
    if (addr === '')
        return ':0';
    const { host, port } = splitHostPort(addr);
    const p = parsePort(port);
    if (host === '')
        return `:${p}`;
    if (net.isIP(host))
        return joinHostPort(host, p);
    return joinHostPort(await lookupHost(host, addr.includes('[')), p);
}
/** The upstream to dial; throws Go-style errors for malformed addresses. */
export function parseUpstream(addr) {
    const { host, port } = splitHostPort(addr);
    return { host: host === '' ? 'localhost' : host, port: parsePort(port) };
}
const BIND_ERRORS = {
    EADDRINUSE: 'bind: address already in use',
    EACCES: 'bind: permission denied',
    EADDRNOTAVAIL: 'bind: cannot assign requested address',
    EAFNOSUPPORT: 'socket: address family not supported by protocol',
};
/** A bind failure as Go's `listen tcp <addr>: bind: …`. */
export function listenErrorText(host, port, err) {
    const what = (err.code && BIND_ERRORS[err.code]) ?? err.message;
    return `listen tcp ${joinHostPort(host ?? '', port)}: ${what}`;
}
//# sourceMappingURL=address.js.map