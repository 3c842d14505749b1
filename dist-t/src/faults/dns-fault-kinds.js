import { isIP } from 'node:net';
import { z } from 'zod';
import { duration } from '../core/fields.js';
import { describeInput } from '../core/units.js';
import { withJitter } from './fault-describe.js';
import { dnsShape } from './fault-params.js';
import { registerFaultKind } from './fault-kinds.js';
const toServerFault = new Map();
/** The loopback DNS server's form of a DNS fault. Throws for a spec that is no DNS fault. */
export function toDnsFault(spec) {
    const convert = toServerFault.get(spec.kind);
    if (!convert)
        throw new Error(`fault kind ${spec.kind} is not a DNS fault`);
    return convert(spec);
}
/** Registers a DNS fault kind. */
export function registerDnsKind(options) {
    const kind = {
        name: options.name,
        description: options.description,
        acts: 'dns',
        params: { ...options.params, ...dnsShape() },
        defaultTarget: 'all',
        scaledDurations: options.scaledDurations ?? [],
        stopsData: false,
        describe: (spec) => options.describe?.(spec) ?? '',
        async apply(occurrence, targets) {
            const dns = targets.dns;
            if (!dns)
                throw new Error(`${options.name} needs a DNS server, and this system resolves no names`);
            const ids = occurrence.instances.map((slot) => dns.addFault(options.toDnsFault(occurrence.spec), targets.dnsName(slot)));
            return async () => {
                for (const id of ids)
                    dns.removeFault(id);
            };
        },
    };
    toServerFault.set(options.name, (spec) => options.toDnsFault(spec));
    registerFaultKind(kind);
}
function ipAddress() {
    return z
        .string({ error: (iss) => `expected an IP address such as 127.0.0.2 or ::1, got ${describeInput(iss.input)}` })
        .refine((a) => isIP(a) !== 0, { error: (iss) => `expected an IP address such as 127.0.0.2 or ::1, got ${describeInput(iss.input)}` });
}
registerDnsKind({
    name: 'dns-stall',
    description: 'DNS queries are never answered.',
    params: {},
    toDnsFault: (spec) => ({ kind: 'stall', toxicity: spec.toxicity }),
});
registerDnsKind({
    name: 'dns-delay',
    description: 'DNS answers are held back.',
    params: {
        delay: duration({ positive: true }).describe('How long each answer is held back.'),
        jitter: duration().prefault(0).describe('Uniform ± variation of the delay.'),
    },
    scaledDurations: ['delay', 'jitter'],
    toDnsFault: (spec) => ({ kind: 'delay', ms: spec.delay, jitter: spec.jitter, toxicity: spec.toxicity }),
    describe: (spec) => ` ${withJitter(spec.delay, spec.jitter)}`,
});
registerDnsKind({
    name: 'dns-nxdomain',
    description: 'DNS answers NXDOMAIN: the name does not exist.',
    params: {},
    toDnsFault: (spec) => ({ kind: 'nxdomain', toxicity: spec.toxicity }),
});
registerDnsKind({
    name: 'dns-servfail',
    description: 'DNS answers SERVFAIL.',
    params: {},
    toDnsFault: (spec) => ({ kind: 'servfail', toxicity: spec.toxicity }),
});
registerDnsKind({
    name: 'dns-wrong-address',
    description: 'DNS answers with other addresses.',
    params: {
        address: z
            .union([ipAddress(), z.array(ipAddress()).min(1)], {
            error: (iss) => `expected an IP address such as 127.0.0.2, or a list of them, got ${describeInput(iss.input)}`,
        })
            .transform((a) => (typeof a === 'string' ? [a] : a))
            .describe('The address (or list of addresses) the name resolves to instead.'),
    },
    toDnsFault: (spec) => ({ kind: 'wrong-address', addresses: [...spec.address], toxicity: spec.toxicity }),
    describe: (spec) => ` ${spec.address.join(',')}`,
});
//# sourceMappingURL=dns-fault-kinds.js.map