import dgram from 'node:dgram';
import { randomInt } from 'node:crypto';
import net from 'node:net';
import * as packet from 'dns-packet';
import { frameTcp, TcpFrameReader } from './dns-wire.js';
export function dnsError(code, hostname, syscall = 'getaddrinfo') {
    const err = new Error(`${syscall} ${code} ${hostname}`);
    err.code = code;
    err.syscall = syscall;
    err.hostname = hostname;
    return err;
}
const RCODE_ERRORS = {
    NXDOMAIN: 'ENOTFOUND',
    SERVFAIL: 'ESERVFAIL',
    FORMERR: 'EFORMERR',
    NOTIMP: 'ENOTIMP',
    REFUSED: 'EREFUSED',
};
/** What an incoming message means for our question: not ours (ignored), truncated, or the answer. */
function judge(msg, id, name, type) {
    let response;
    try {
        response = packet.decode(msg);
    }
    catch {
        return { kind: 'ignore' };
    }
    const q = response.questions?.[0];
    if (response.type !== 'response' || response.id !== id || q === undefined || q.name.toLowerCase() !== name.toLowerCase() || q.type !== type)
        return { kind: 'ignore' };
    const flags = msg.readUInt16BE(2);
    if ((flags & packet.TRUNCATED_RESPONSE) !== 0)
        return { kind: 'truncated' };
    if ((flags & 0xf) !== 0) {
        const text = response.rcode ?? '';
        return { kind: 'done', err: dnsError(RCODE_ERRORS[text] ?? 'EBADRESP', name), addresses: [] };
    }
    const found = (response.answers ?? []).filter((a) => a.type === type).map((a) => a.data);
    return found.length === 0 ? { kind: 'done', err: dnsError('ENODATA', name), addresses: [] } : { kind: 'done', err: null, addresses: found };
}
/**
 * Asks `server` for the `type` records of `name`: over UDP, then over TCP if the answer is truncated.
 * Resolves with the addresses; rejects with a {@link DnsQueryError}. It has no deadline of its own:
 * it ends on an answer, a socket error, or `signal` (ECANCELLED), and then closes its sockets at once.
 * Answers that do not match (other id or question, undecodable) are ignored, as a stub resolver does.
 */
export function queryDns(server, name, type, options) {
    const { signal } = options;
    return new Promise((resolve, reject) => {
        if (signal.aborted) {
            reject(dnsError('ECANCELLED', name));
            return;
        }
        const id = randomInt(0, 65536);
        const query = packet.encode({ type: 'query', id, flags: packet.RECURSION_DESIRED, questions: [{ type, name, class: 'IN' }] });
        const udp = dgram.createSocket(net.isIPv6(server.host) ? 'udp6' : 'udp4');
        let tcp;
        let stopRetransmit;
        let done = false;
        const finish = (err, addresses = []) => {
            if (done)
                return;
            done = true;
            signal.removeEventListener('abort', onAbort);
            stopRetransmit?.();
            try {
                udp.close();
            }
            catch {
                // Already closed.
            }
            tcp?.destroy();
            if (err)
                reject(err);
            else
                resolve(addresses);
        };
        const onAbort = () => finish(dnsError('ECANCELLED', name));
        signal.addEventListener('abort', onAbort, { once: true });
        const overTcp = () => {
            stopRetransmit?.();
            const socket = net.connect({ host: server.host, port: server.port });
            tcp = socket;
            const reader = new TcpFrameReader();
            socket.on('error', (err) => finish(dnsError(err.code === 'ECONNREFUSED' ? 'ECONNREFUSED' : 'EUNKNOWN', name)));
            socket.on('end', () => finish(dnsError('ECONNRESET', name)));
            socket.on('data', (chunk) => {
                const frames = reader.push(chunk);
                if (frames === 'bad-length') {
                    finish(dnsError('EBADRESP', name));
                    return;
                }
                for (const frame of frames) {
                    const v = judge(frame, id, name, type);
                    // A truncated answer over TCP cannot grow any further: take it as having no records.
                    if (v.kind === 'truncated')
                        finish(dnsError('EBADRESP', name));
                    else if (v.kind === 'done')
                        finish(v.err, v.addresses);
                }
            });
            socket.write(frameTcp(query));
        };
        udp.on('error', (err) => {
            if (tcp)
                return; // UDP is no longer in use
            finish(dnsError(err.code === 'ECONNREFUSED' ? 'ECONNREFUSED' : 'EUNKNOWN', name));
        });
        udp.on('message', (msg) => {
            if (tcp)
                return;
            const v = judge(msg, id, name, type);
            if (v.kind === 'truncated')
                overTcp();
            else if (v.kind === 'done')
                finish(v.err, v.addresses);
        });
        const send = () => {
            if (done || tcp)
                return;
            udp.send(query, (err) => {
                if (err)
                    finish(dnsError('ECONNREFUSED', name));
            });
        };
        udp.connect(server.port, server.host, () => {
            if (done)
                return;
            send();
            stopRetransmit = options.retransmit?.(send);
        });
    });
}
//# sourceMappingURL=dns-query.js.map