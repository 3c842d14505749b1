import dgram from 'node:dgram';
import net from 'node:net';
import * as packet from 'dns-packet';
import { Random } from '../core/random.js';
import { InputError } from '../core/errors.js';
import { DnsFaultTable, normalizeDnsName } from './dns-faults.js';
import { Rcode, encodeResponse, formErrFor, frameTcp, responseFlags, TcpFrameReader, udpLimitOf } from './dns-wire.js';
const MAX_BIND_ATTEMPTS = 20;
function newCounters() {
    return {
        received: 0,
        queries: 0,
        udpQueries: 0,
        tcpQueries: 0,
        answered: 0,
        stalled: 0,
        delayed: 0,
        pendingDelayed: 0,
        undeliverable: 0,
        nxdomain: 0,
        servfail: 0,
        wrongAddress: 0,
        formerr: 0,
        notimp: 0,
        truncated: 0,
        ignored: 0,
        tcpConnections: 0,
        tcpRejected: 0,
    };
}
function checkAddresses(name, addresses) {
    const bad = addresses.filter((a) => net.isIP(a) === 0);
    if (bad.length > 0)
        throw new InputError(`DNS record ${name}: not IP addresses: ${bad.join(', ')}`);
    return [...addresses];
}
/** Makes a DNS server for the systems under test to resolve through. Call `start()` to bind it. */
export function createDnsServer(options) {
    const host = options.host ?? '127.0.0.1';
    const requestedPort = options.port ?? 0;
    const { clock } = options;
    const ttl = options.ttl ?? 0;
    const random = options.random ?? new Random(0);
    const records = new Map();
    for (const [name, addresses] of Object.entries(options.records ?? {}))
        records.set(normalizeDnsName(name), checkAddresses(name, addresses));
    const table = new DnsFaultTable();
    const counters = newCounters();
    const timers = new Set();
    const connections = new Set();
    let udp = null;
    let tcp = null;
    let address = null;
    let starting = null;
    let stopping = null;
    const emit = (event) => {
        if (!options.onQuery)
            return;
        try {
            options.onQuery(event);
        }
        catch {
            // A journal hook must not take the server down.
        }
    };
    const send = (reply, message) => {
        if (reply(message))
            counters.answered++;
    };
    const answersFor = (name, type, mode) => {
        if (type !== 'A' && type !== 'AAAA')
            return [];
        const family = type === 'A' ? 4 : 6;
        const pool = mode.kind === 'wrong-address' ? mode.addresses : (records.get(normalizeDnsName(name)) ?? []);
        return pool.filter((a) => net.isIP(a) === family);
    };
    const buildResponse = (query, question, decision, transport) => {
        const { answer } = decision;
        let rcode = Rcode.noError;
        let outcome = 'answered';
        let data = [];
        if (answer.kind === 'nxdomain' || (answer.kind === 'normal' && !records.has(normalizeDnsName(question.name)))) {
            rcode = Rcode.nxDomain;
            outcome = 'nxdomain';
        }
        else if (answer.kind === 'servfail') {
            rcode = Rcode.servFail;
            outcome = 'servfail';
        }
        else {
            data = answersFor(question.name, question.type, answer);
            if (answer.kind === 'wrong-address')
                outcome = 'wrong-address';
        }
        const answers = data.map((a) => ({ type: question.type === 'A' ? 'A' : 'AAAA', name: question.name, ttl, class: 'IN', data: a }));
        const response = { id: query.id, type: 'response', flags: responseFlags(query, rcode), questions: [question], answers };
        const limit = transport === 'udp' ? udpLimitOf(query) : null;
        const message = encodeResponse(response, limit);
        if (limit !== null && message.length > 0 && (message.readUInt16BE(2) & packet.TRUNCATED_RESPONSE) !== 0)
            counters.truncated++;
        return { message, outcome };
    };
    const countOutcome = (outcome) => {
        if (outcome === 'nxdomain')
            counters.nxdomain++;
        else if (outcome === 'servfail')
            counters.servfail++;
        else if (outcome === 'wrong-address')
            counters.wrongAddress++;
    };
    /** Handles one message: `garbage` when undecodable (TCP closes the connection then). */
    const handle = (message, transport, reply, onDelayedSent) => {
        counters.received++;
        if (message.length < 12) {
            counters.ignored++;
            return 'garbage';
        }
        let query;
        try {
            query = packet.decode(message);
        }
        catch {
            counters.formerr++;
            send(reply, formErrFor(message));
            return 'garbage';
        }
        try {
            return handleQuery(query, message, transport, reply, onDelayedSent);
        }
        catch {
            // Decodable yet not encodable back (odd types or names): treat as malformed.
            counters.formerr++;
            send(reply, formErrFor(message));
            return 'garbage';
        }
    };
    const handleQuery = (query, message, transport, reply, onDelayedSent) => {
        if (query.type === 'response') {
            counters.ignored++;
            return 'done';
        }
        const id = query.id ?? 0;
        const opcode = (message.readUInt16BE(2) >> 11) & 0xf;
        const questions = query.questions ?? [];
        const question = questions[0];
        if (opcode !== 0 || questions.length !== 1 || question === undefined) {
            const notImp = opcode !== 0;
            const response = packet.encode({ id, type: 'response', flags: responseFlags(query, notImp ? Rcode.notImp : Rcode.formErr) | (opcode << 11), questions });
            if (notImp)
                counters.notimp++;
            else
                counters.formerr++;
            send(reply, response);
            emit({ transport, id, name: question?.name ?? '', type: question?.type ?? '', outcome: notImp ? 'notimp' : 'formerr', delayMs: 0, faultIds: [] });
            return 'done';
        }
        const decision = table.decide(question.name, random);
        const built = decision.stall ? null : buildResponse(query, question, decision, transport);
        counters.queries++;
        if (transport === 'udp')
            counters.udpQueries++;
        else
            counters.tcpQueries++;
        if (built === null) {
            counters.stalled++;
            emit({ transport, id, name: question.name, type: question.type, outcome: 'stalled', delayMs: 0, faultIds: decision.faultIds });
            return 'done';
        }
        const { message: response, outcome } = built;
        countOutcome(outcome);
        emit({ transport, id, name: question.name, type: question.type, outcome, delayMs: decision.delayMs, faultIds: decision.faultIds });
        if (decision.delayMs <= 0) {
            send(reply, response);
            return 'done';
        }
        counters.delayed++;
        counters.pendingDelayed++;
        const timer = clock.setTimeout(() => {
            timers.delete(timer);
            counters.pendingDelayed--;
            if (reply(response))
                counters.answered++;
            else
                counters.undeliverable++;
            onDelayedSent?.();
        }, decision.delayMs);
        timers.add(timer);
        return 'delayed';
    };
    const onConnection = (socket) => {
        counters.tcpConnections++;
        connections.add(socket);
        socket.setNoDelay(true);
        const reader = new TcpFrameReader(12);
        let pending = 0;
        let peerEnded = false;
        let rejected = false;
        const reply = (message) => {
            if (socket.destroyed || !socket.writable)
                return false;
            socket.write(frameTcp(message));
            return true;
        };
        const reject = (graceful) => {
            if (rejected)
                return;
            rejected = true;
            counters.tcpRejected++;
            if (graceful)
                socket.end();
            else
                socket.destroy();
        };
        const settled = () => {
            pending--;
            if (peerEnded && pending === 0 && !socket.destroyed)
                socket.end();
        };
        socket.on('data', (chunk) => {
            if (rejected)
                return;
            const frames = reader.push(chunk);
            if (frames === 'bad-length') {
                reject(false);
                return;
            }
            for (const frame of frames) {
                const result = handle(frame, 'tcp', reply, settled);
                if (result === 'delayed')
                    pending++;
                if (result === 'garbage') {
                    reject(true);
                    return;
                }
            }
        });
        socket.on('end', () => {
            peerEnded = true;
            if (pending === 0 && !socket.destroyed)
                socket.end();
        });
        socket.on('error', () => {
            // A client resetting its connection is its own business.
        });
        socket.on('close', () => connections.delete(socket));
    };
    const bindOnce = async (port) => {
        const server = net.createServer({ allowHalfOpen: true }, onConnection);
        await new Promise((resolve, reject) => {
            server.once('error', reject);
            server.listen({ host, port, exclusive: true }, () => {
                server.off('error', reject);
                resolve();
            });
        });
        const info = server.address();
        const bound = typeof info === 'object' && info !== null ? info.port : port;
        const socket = dgram.createSocket(net.isIPv6(host) ? 'udp6' : 'udp4');
        try {
            await new Promise((resolve, reject) => {
                socket.once('error', reject);
                socket.bind({ address: host, port: bound, exclusive: true }, () => {
                    socket.off('error', reject);
                    resolve();
                });
            });
        }
        catch (err) {
            socket.close();
            await new Promise((resolve) => server.close(() => resolve()));
            throw err;
        }
        return { udp: socket, tcp: server, port: bound };
    };
    const listen = async () => {
        let lastError;
        for (let attempt = 0; attempt < (requestedPort === 0 ? MAX_BIND_ATTEMPTS : 1); attempt++) {
            try {
                const bound = await bindOnce(requestedPort);
                udp = bound.udp;
                tcp = bound.tcp;
                udp.on('error', () => {
                    // Send errors on loopback are transient; the server keeps listening.
                });
                udp.on('message', (msg, rinfo) => {
                    handle(msg, 'udp', (message) => {
                        if (udp === null)
                            return false;
                        udp.send(message, rinfo.port, rinfo.address, () => {
                            // Errors here mean the client went away.
                        });
                        return true;
                    });
                });
                address = { host, port: bound.port };
                return { ...address };
            }
            catch (err) {
                lastError = err;
            }
        }
        throw new InputError(`DNS server cannot listen on ${host}:${requestedPort} (UDP and TCP): ${lastError?.message ?? String(lastError)}`, {
            cause: lastError,
            hint: 'choose another port, or 0 for a free one',
        });
    };
    const server = {
        start() {
            if (stopping !== null)
                return Promise.reject(new InputError('DNS server was stopped; make a new one'));
            starting ??= listen().catch((err) => {
                starting = null;
                throw err;
            });
            return starting.then((a) => ({ ...a }));
        },
        stop() {
            if (stopping !== null)
                return stopping;
            stopping = (async () => {
                await starting?.catch(() => undefined);
                for (const timer of timers)
                    timer.clear();
                counters.undeliverable += timers.size;
                counters.pendingDelayed -= timers.size;
                timers.clear();
                const closing = [];
                if (udp !== null) {
                    const socket = udp;
                    closing.push(new Promise((resolve) => socket.close(() => resolve())));
                }
                if (tcp !== null) {
                    const listener = tcp;
                    closing.push(new Promise((resolve) => listener.close(() => resolve())));
                }
                for (const socket of connections)
                    socket.destroy();
                udp = null;
                tcp = null;
                address = null;
                await Promise.all(closing);
            })();
            return stopping;
        },
        get address() {
            return address === null ? null : { ...address };
        },
        setFault(fault, name = null) {
            return table.set(fault, name);
        },
        addFault(fault, name = null) {
            return table.add(fault, name);
        },
        removeFault(id) {
            return table.remove(id);
        },
        clearFaults() {
            table.clear();
        },
        faults() {
            return table.list();
        },
        setRecord(name, addresses) {
            if (addresses === null)
                records.delete(normalizeDnsName(name));
            else
                records.set(normalizeDnsName(name), checkAddresses(name, addresses));
        },
        counters,
    };
    return server;
}
//# sourceMappingURL=dns-server.js.map