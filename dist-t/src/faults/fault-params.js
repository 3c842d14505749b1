import { z } from 'zod';
import { describeInput } from '../core/units.js';
/**
 * Scenario parameters shared by families of fault kinds, for their descriptors' `params`: the link a
 * network fault acts on, a toxic's direction and toxicity, a DNS fault's toxicity.
 */
/**
 * Link names: `sink`, `subscriber-0`, `peer-2`, or whatever a system kind names its links (its LinkPlan,
 * src/systems/system-kind.ts); which exist depends on the system (checked against it in src/scenario/links.ts).
 */
const LINK_PATTERN = /^[a-z][a-z0-9-]*$/;
function linkMessage(input) {
    return `expected a link name such as sink, subscriber-0 or peer-0 (lowercase letters, digits and '-'), got ${describeInput(input)}`;
}
/** `link`: which proxy route of the instance a network fault acts on. */
export function linkField() {
    return z
        .string({ error: (iss) => linkMessage(iss.input) })
        .regex(LINK_PATTERN, { error: (iss) => linkMessage(iss.input) })
        .optional()
        .describe("Which link of the instance: `sink` (the forwarder's link to its sink, the default) or a broker client's, `subscriber-0`, `peer-0`.");
}
/** What every toxic has besides its attributes: `stream`, `toxicity`, `link`. */
export function toxicShape() {
    return {
        stream: z
            .enum(['upstream', 'downstream'])
            .default('downstream')
            .describe('Direction: downstream (towards the system, the default: sink to forwarder, broker to subscriber) or upstream (away from it).'),
        toxicity: z.number().min(0).max(1).default(1).describe('Probability that a connection is affected, rolled per connection direction as Toxiproxy does.'),
        link: linkField(),
    };
}
/** What every DNS fault has: `toxicity`. */
export function dnsShape() {
    return { toxicity: z.number().min(0).max(1).default(1).describe('Share of DNS queries hit, rolled per query.') };
}
//# sourceMappingURL=fault-params.js.map