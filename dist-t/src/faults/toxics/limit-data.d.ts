import { type StatefulToxic, type Toxic, type ToxicStub } from '../toxic.js';
interface LimitDataState {
    bytesTransmitted: number;
}
/** Forwards up to `bytes` bytes per connection direction, then closes the connection. */
export declare class LimitDataToxic implements Toxic<{
    bytes: number;
}>, StatefulToxic<LimitDataState> {
    readonly schema: {
        readonly goName: "LimitDataToxic";
        readonly fields: readonly [{
            readonly key: "bytes";
            readonly kind: "int64";
        }];
    };
    readonly attributes: {
        bytes: number;
    };
    newState(): LimitDataState;
    pipe(stub: ToxicStub): Promise<void>;
}
export {};
