import type { Socket } from 'node:net';
import type { Clock } from '../core/clock.js';
import type { Random } from '../core/random.js';
import { Link } from './link.js';
import type { ToxicCollection } from './toxic-collection.js';
/**
 * One proxied connection: the client socket, the upstream socket, and a link per direction. When a link
 * ends, however its source ended (a FIN, `eof`, or a close), its destination socket is closed, not
 * half-closed, once what was written is flushed; and since that socket is the other link's source, the
 * other link stops reading there and ends too, after delivering what its toxics still hold. This is
 * Toxiproxy's behaviour (link.go: the writer calls `dest.Close()` when its chain ends, and the other
 * direction's reader then fails on the closed socket): a FIN from either side tears the whole connection
 * down, so a client that half-closes never gets a reply sent after its FIN. `reset` resets both sockets.
 * When both sockets are closed the connection is over.
 *
 * As in Toxiproxy (link.go), when a reset_peer toxic is on either chain as the connection starts, both
 * sockets get linger 0: from then on every close of this connection, whoever starts it, is an RST.
 */
export declare class Connection {
    #private;
    readonly client: Socket;
    readonly upstream: Socket;
    constructor(opts: {
        client: Socket;
        upstream: Socket;
        toxics: ToxicCollection;
        clock: Clock;
        random: Random;
        onClose: () => void;
    });
    /** The upstream and downstream links, in that order. */
    get links(): readonly Link[];
    start(): void;
    /** Closes both sockets now (the proxy is going down or away). */
    destroy(): void;
}
