import type { FaultKind, SpecOf } from './fault-kind.js';
/**
 * `down`: the proxy route of one link of each instance hit is disabled (connections refused, open ones
 * closed) through toxiproxy-node-client, so it works on the embedded proxy and a real Toxiproxy alike.
 */
declare const params: {
    link: import("zod").ZodOptional<import("zod").ZodString>;
};
export declare const downFaultKind: FaultKind<SpecOf<'down', typeof params>>;
export {};
