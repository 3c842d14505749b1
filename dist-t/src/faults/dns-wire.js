import * as packet from 'dns-packet';
/** DNS response codes used by the fault server and the lookup. */
export const Rcode = {
    noError: 0,
    formErr: 1,
    servFail: 2,
    nxDomain: 3,
    notImp: 4,
    refused: 5,
};
/** Largest UDP answer for a query without EDNS (RFC 1035). */
export const UDP_PLAIN_LIMIT = 512;
const QR = 0x8000;
const OPCODE_MASK = 0x7800;
const RD = 0x0100;
/**
 * A bare FORMERR answer to a message that could not be decoded: the request's id and opcode echoed,
 * no sections. `request` must hold at least the 12-byte header.
 */
export function formErrFor(request) {
    const out = Buffer.alloc(12);
    const flags = request.readUInt16BE(2);
    out.writeUInt16BE(request.readUInt16BE(0), 0);
    out.writeUInt16BE(QR | (flags & OPCODE_MASK) | (flags & RD) | Rcode.formErr, 2);
    return out;
}
/** Header flags of a response to `query` with the given rcode: AA and RA set, RD echoed. */
export function responseFlags(query, rcode) {
    return packet.AUTHORITATIVE_ANSWER | packet.RECURSION_AVAILABLE | (query.flag_rd ? packet.RECURSION_DESIRED : 0) | rcode;
}
/** The UDP size the client accepts: its EDNS payload size, or 512 without EDNS. */
export function udpLimitOf(query) {
    const opt = query.additionals?.find((a) => a.type === 'OPT');
    return opt ? Math.max(UDP_PLAIN_LIMIT, Math.min(opt.udpPayloadSize, 65535)) : UDP_PLAIN_LIMIT;
}
/** Encodes a response; over UDP, one too big for the client goes out with TC set and no answers. */
export function encodeResponse(response, udpLimit) {
    const full = packet.encode(response);
    if (udpLimit === null || full.length <= udpLimit)
        return full;
    return packet.encode({ ...response, flags: (response.flags ?? 0) | packet.TRUNCATED_RESPONSE, answers: [], authorities: [], additionals: [] });
}
/** Prefixes a message with its 2-byte length, for DNS over TCP. */
export function frameTcp(message) {
    const len = Buffer.alloc(2);
    len.writeUInt16BE(message.length, 0);
    return Buffer.concat([len, message]);
}
/**
 * Splits a DNS-over-TCP byte stream into messages. `push` returns the complete messages so far, or
 * `'bad-length'` when a length prefix is below `minLength` (the stream cannot be trusted after that).
 */
export class TcpFrameReader {
    #minLength;
    #buffer = Buffer.alloc(0);
    constructor(minLength = 12) {
        this.#minLength = minLength;
    }
    /** Bytes held waiting for the rest of a message. */
    get buffered() {
        return this.#buffer.length;
    }
    push(chunk) {
        this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
        const frames = [];
        while (this.#buffer.length >= 2) {
            const len = this.#buffer.readUInt16BE(0);
            if (len < this.#minLength)
                return 'bad-length';
            if (this.#buffer.length < 2 + len)
                break;
            frames.push(this.#buffer.subarray(2, 2 + len));
            this.#buffer = this.#buffer.subarray(2 + len);
        }
        return frames;
    }
}
//# sourceMappingURL=dns-wire.js.map