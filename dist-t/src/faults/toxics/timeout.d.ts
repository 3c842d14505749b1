import { type CleanupToxic, type Toxic, type ToxicStub } from '../toxic.js';
/**
 * Toxiproxy's timeout: swallows all data, and closes the connection once `timeout` ms pass without data
 * (0: never on its own; removing the toxic closes the connection). The end of the input is not swallowed:
 * when the far end closes, the connection closes (toxics/timeout.go closes the stub on a nil chunk, in
 * every release from v2.1.4 to v2.12.0). A connection that stays open after the far end is gone is the
 * `silent` toxic, duress's own.
 */
export declare class TimeoutToxic implements Toxic<{
    timeout: number;
}>, CleanupToxic {
    readonly schema: {
        readonly goName: "TimeoutToxic";
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
