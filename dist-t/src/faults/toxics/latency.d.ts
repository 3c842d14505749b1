import { type BufferedToxic, type Toxic, type ToxicStub } from '../toxic.js';
/**
 * Delays each chunk by latency ± jitter ms; time the chunk already spent upstream in the chain counts.
 * A chunk is never passed on before its deadline (Toxiproxy's Go timers never fire early; Node's can).
 */
export declare class LatencyToxic implements Toxic<{
    latency: number;
    jitter: number;
}>, BufferedToxic {
    readonly schema: {
        readonly goName: "LatencyToxic";
        readonly fields: readonly [{
            readonly key: "latency";
            readonly kind: "int64";
        }, {
            readonly key: "jitter";
            readonly kind: "int64";
        }];
    };
    readonly attributes: {
        latency: number;
        jitter: number;
    };
    bufferSize(): number;
    pipe(stub: ToxicStub): Promise<void>;
}
