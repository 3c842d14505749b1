import { duration } from '../../core/fields.js';
import { withJitter } from '../fault-describe.js';
import { registerToxicKind } from '../toxic-kind.js';
import { INTERRUPTED } from '../toxic.js';
/**
 * Delays each chunk by latency ± jitter ms; time the chunk already spent upstream in the chain counts.
 * A chunk is never passed on before its deadline (Toxiproxy's Go timers never fire early; Node's can).
 */
export class LatencyToxic {
    schema = {
        goName: 'LatencyToxic',
        fields: [
            { key: 'latency', kind: 'int64' },
            { key: 'jitter', kind: 'int64' },
        ],
    };
    attributes = { latency: 0, jitter: 0 };
    bufferSize() {
        return 1024;
    }
    async pipe(stub) {
        const { latency, jitter } = this.attributes;
        for (;;) {
            const c = await stub.read();
            if (c === INTERRUPTED)
                return;
            if (c === null)
                return stub.close();
            const delay = jitter > 0 ? latency + Math.floor(stub.random.next() * 2 * jitter) - jitter : latency;
            // The deadline counts from when the chunk was read, so time spent in earlier toxics counts toward it;
            // the chunk is passed on no earlier than the deadline by the monotonic clock.
            const deadline = c.timestamp + delay;
            if (deadline > stub.clock.now()) {
                if (!(await stub.sleepUntil(deadline)))
                    return stub.write(c);
                c.timestamp = deadline;
            }
            await stub.write(c);
        }
    }
}
registerToxicKind({
    name: 'latency',
    create: () => new LatencyToxic(),
    description: 'Toxiproxy latency: each chunk held for latency ± jitter.',
    params: {
        latency: duration().describe('Delay added to each chunk of data.'),
        jitter: duration().prefault(0).describe('Uniform ± variation of the delay.'),
    },
    attributes: { latency: { from: 'latency', unit: 'ms' }, jitter: { from: 'jitter', unit: 'ms' } },
    stopsData: false,
    describe: (spec) => ` ${withJitter(spec.latency, spec.jitter)}`,
});
//# sourceMappingURL=latency.js.map