import type { ToxicInput } from '../../faults/toxic-collection.js';
import type { LoadOptions } from '../../systems/http/load-options.js';
import type { Threshold } from '../../stats/thresholds-parser.js';
interface LoadArgs {
    url: string;
    rate?: number;
    connections: number;
    duration: number;
    method: string;
    header?: string[];
    body?: string;
    pipelining: number;
    workers: number;
    fault?: string[];
    threshold?: string[];
    json: boolean;
}
interface LoadPlan {
    target: URL;
    options: Omit<LoadOptions, 'origin'>;
    faults: ToxicInput[];
    thresholds: Threshold[];
    json: boolean;
}
export declare const loadCommand: import("../command.js").DuressCommand<LoadArgs, LoadPlan>;
export {};
