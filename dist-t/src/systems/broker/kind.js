import { BROKER_MAX_COUNTERS, BrokerCell } from './cell.js';
import { brokerLinks } from './links.js';
import { BROKER_LINK_TABLE } from './report-section.js';
import { brokerSchema } from './schema.js';
/**
 * `system: { kind: broker }`: the in-process pub/sub broker. Per instance one broker with its publishers
 * and subscribers in a worker thread; every subscribing client reaches it through its own proxy route
 * (its link), so a fault can slow or kill one subscriber. No sink: the scenario's `sink` is ignored.
 */
export const brokerKind = {
    name: 'broker',
    noun: 'a broker',
    schema: brokerSchema,
    links: (config) => {
        // Called on data that may not have validated (the scenario's refinements): no link list from it.
        if (typeof config.subscribers !== 'number' || typeof config.peers !== 'number')
            throw new TypeError('broker links need subscribers and peers');
        const names = brokerLinks(config);
        return { names, upstream: 'instance', dns: false, describe: `the broker's links are ${names.join(', ')}` };
    },
    sink: () => undefined,
    scaledDurations: ({ inbox }) => {
        if (inbox.kind === 'disconnect')
            return [{ path: 'system.inbox.softFor', ms: inbox.softFor }];
        if (inbox.kind === 'elastic')
            return [{ path: 'system.inbox.lag', ms: inbox.lag }];
        return [];
    },
    // Each message is delivered to every subscribing client.
    recordsPerSecond: (b) => (b.publishers + b.peers) * b.rate * Math.max(1, b.subscribers + b.peers),
    isolation: { worker: new URL('./worker.js', import.meta.url), minHeapMb: 32 },
    report: { links: BROKER_LINK_TABLE, maxCounters: [...BROKER_MAX_COUNTERS] },
    createCell: (context) => new BrokerCell(context),
};
//# sourceMappingURL=kind.js.map