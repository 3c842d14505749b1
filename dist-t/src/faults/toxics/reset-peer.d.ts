import { type ResettingToxic, type Toxic, type ToxicStub } from '../toxic.js';
/** On the first chunk (or EOF) waits `timeout` ms, then resets both sockets (TCP RST); that chunk is dropped. */
export declare class ResetPeerToxic implements Toxic<{
    timeout: number;
}>, ResettingToxic {
    readonly schema: {
        readonly goName: "ResetToxic";
        readonly fields: readonly [{
            readonly key: "timeout";
            readonly kind: "int64";
        }];
    };
    readonly attributes: {
        timeout: number;
    };
    readonly resetsConnection = true;
    pipe(stub: ToxicStub): Promise<void>;
}
