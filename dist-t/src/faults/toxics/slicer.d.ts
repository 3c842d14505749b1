import type { Random } from '../../core/random.js';
import { type Toxic, type ToxicStub } from '../toxic.js';
type SlicerAttributes = {
    average_size: number;
    size_variation: number;
    delay: number;
};
/** Splits chunks into slices of about `average_size` ± `size_variation` bytes, `delay` µs apart (on average, below 1 ms). */
export declare class SlicerToxic implements Toxic<SlicerAttributes> {
    readonly schema: {
        readonly goName: "SlicerToxic";
        readonly fields: readonly [{
            readonly key: "average_size";
            readonly kind: "int";
        }, {
            readonly key: "size_variation";
            readonly kind: "int";
        }, {
            readonly key: "delay";
            readonly kind: "int";
        }];
    };
    readonly attributes: {
        average_size: number;
        size_variation: number;
        delay: number;
    };
    /** Slice boundaries by recursive halving with ± variation, as pairs [start, end, start, end, …]. */
    chunk(start: number, end: number, random: Random): number[];
    pipe(stub: ToxicStub): Promise<void>;
}
export {};
