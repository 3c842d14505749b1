import { type Toxic, type ToxicStub } from '../toxic.js';
/** Limits throughput to `rate` KB/s (1 KB = 1000 B); big chunks go out in 100 ms slices. Rate 0 stalls. */
export declare class BandwidthToxic implements Toxic<{
    rate: number;
}> {
    readonly schema: {
        readonly goName: "BandwidthToxic";
        readonly fields: readonly [{
            readonly key: "rate";
            readonly kind: "int64";
        }];
    };
    readonly attributes: {
        rate: number;
    };
    pipe(stub: ToxicStub): Promise<void>;
}
