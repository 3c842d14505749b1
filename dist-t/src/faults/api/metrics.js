import { collectDefaultMetrics, Counter, Registry } from 'prom-client';
const LABELS = ['direction', 'listener', 'proxy', 'upstream'];
/**
 * The registry behind /metrics, or undefined when metrics are off. The byte counters are read from the
 * collection's proxies on each scrape (their sockets' counters), so they cost nothing on the data path.
 * Unlike Toxiproxy, which adds a link's bytes when the link ends, open connections count as they go, so a
 * soak's long-lived connections show up while they last; a deleted proxy's series ends with it.
 */
export function createMetricsRegistry(collection, opts) {
    if (!opts.proxy && !opts.runtime && !opts.registry)
        return undefined;
    const registries = [];
    const own = new Registry();
    if (opts.proxy) {
        const received = new Counter({
            name: 'toxiproxy_proxy_received_bytes_total',
            help: 'Bytes a proxy link received from its source (client for upstream, server for downstream)',
            labelNames: LABELS,
            registers: [own],
            collect() {
                received.reset();
                for (const p of collection.list())
                    for (const t of p.traffic())
                        received.inc(labelsOf(t), t.received);
            },
        });
        const sent = new Counter({
            name: 'toxiproxy_proxy_sent_bytes_total',
            help: 'Bytes a proxy link sent to its destination (server for upstream, client for downstream)',
            labelNames: LABELS,
            registers: [own],
            collect() {
                sent.reset();
                for (const p of collection.list())
                    for (const t of p.traffic())
                        sent.inc(labelsOf(t), t.sent);
            },
        });
    }
    if (opts.runtime)
        collectDefaultMetrics({ register: own });
    registries.push(own);
    if (opts.registry)
        registries.push(opts.registry);
    return registries.length === 1 ? own : Registry.merge(registries);
}
function labelsOf(t) {
    return { direction: t.direction, listener: t.listener, proxy: t.proxy, upstream: t.upstream };
}
//# sourceMappingURL=metrics.js.map