import { type Toxic, type ToxicStub } from '../toxic.js';
/** Passes data through, but holds the close for `delay` ms after EOF arrives. */
export declare class SlowCloseToxic implements Toxic<{
    delay: number;
}> {
    readonly schema: {
        readonly goName: "SlowCloseToxic";
        readonly fields: readonly [{
            readonly key: "delay";
            readonly kind: "int64";
        }];
    };
    readonly attributes: {
        delay: number;
    };
    pipe(stub: ToxicStub): Promise<void>;
}
