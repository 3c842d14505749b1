import { type CleanupToxic, type Toxic, type ToxicStub } from '../toxic.js';
/**
 * duress's own toxic (real Toxiproxy has none by this name): the connection goes silent and stays open
 * after the far end is gone. All data is swallowed, and so is the end of the stream: when the far end
 * closes, this direction never passes the close on, so the other side sees an open connection that sends
 * nothing, forever (the hang behind Fluent Bit's sync-stack reports, where a forwarder waits on a socket
 * whose server left). With `timeout` > 0 the connection is closed once that many ms pass without data
 * while the far end is still open; after the far end closed it is never closed by this toxic. Removing the
 * toxic closes the connection, as Toxiproxy's timeout does.
 *
 * This was duress's `timeout` toxic before it was made to match Toxiproxy's, which closes on the far end's close.
 */
export declare class SilentToxic implements Toxic<{
    timeout: number;
}>, CleanupToxic {
    readonly schema: {
        readonly goName: "SilentToxic";
        readonly fields: readonly [{
            readonly key: "timeout";
            readonly kind: "int64";
        }];
    };
    readonly attributes: {
        timeout: number;
    };
    pipe(stub: ToxicStub): Promise<void>;
    cleanup(stub: ToxicStub): void;
}
