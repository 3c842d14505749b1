import * as packet from 'dns-packet';
/** DNS response codes used by the fault server and the lookup. */
export declare const Rcode: {
    readonly noError: 0;
    readonly formErr: 1;
    readonly servFail: 2;
    readonly nxDomain: 3;
    readonly notImp: 4;
    readonly refused: 5;
};
export type Rcode = (typeof Rcode)[keyof typeof Rcode];
/** Largest UDP answer for a query without EDNS (RFC 1035). */
export declare const UDP_PLAIN_LIMIT = 512;
/**
 * A bare FORMERR answer to a message that could not be decoded: the request's id and opcode echoed,
 * no sections. `request` must hold at least the 12-byte header.
 */
export declare function formErrFor(request: Buffer): Buffer;
/** Header flags of a response to `query` with the given rcode: AA and RA set, RD echoed. */
export declare function responseFlags(query: packet.DecodedPacket, rcode: Rcode): number;
/** The UDP size the client accepts: its EDNS payload size, or 512 without EDNS. */
export declare function udpLimitOf(query: packet.DecodedPacket): number;
/** Encodes a response; over UDP, one too big for the client goes out with TC set and no answers. */
export declare function encodeResponse(response: packet.Packet, udpLimit: number | null): Buffer;
/** Prefixes a message with its 2-byte length, for DNS over TCP. */
export declare function frameTcp(message: Buffer): Buffer;
/**
 * Splits a DNS-over-TCP byte stream into messages. `push` returns the complete messages so far, or
 * `'bad-length'` when a length prefix is below `minLength` (the stream cannot be trusted after that).
 */
export declare class TcpFrameReader {
    #private;
    constructor(minLength?: number);
    /** Bytes held waiting for the rest of a message. */
    get buffered(): number;
    push(chunk: Buffer): Buffer[] | 'bad-length';
}
