import { z } from 'zod';
import { dnsShape } from './fault-params.js';
import type { SpecOf } from './fault-kind.js';
import type { FaultSpec } from './fault-spec.js';
import type { DnsFault } from './dns-faults.js';
/**
 * The DNS fault kinds: each adds a fault to the cell's loopback DNS server for the names of the instances
 * it hits, and removes it when the occurrence ends. Durations stay scenario ms (the server runs on the
 * scenario clock).
 */
type DnsShape = ReturnType<typeof dnsShape>;
interface DnsKindOptions<K extends string, P extends z.core.$ZodLooseShape> {
    name: K;
    description: string;
    /** Parameters besides `toxicity` (added after them). */
    params: P;
    /** Spec keys that are durations the clock scales. */
    scaledDurations?: readonly string[];
    /** The DNS server's form of the fault. */
    toDnsFault(spec: SpecOf<K, P & DnsShape>): DnsFault;
    describe?: (spec: SpecOf<K, P & DnsShape>) => string;
}
/** The loopback DNS server's form of a DNS fault. Throws for a spec that is no DNS fault. */
export declare function toDnsFault(spec: FaultSpec): DnsFault;
/** Registers a DNS fault kind. */
export declare function registerDnsKind<K extends string, P extends z.core.$ZodLooseShape>(options: DnsKindOptions<K, P>): void;
export {};
