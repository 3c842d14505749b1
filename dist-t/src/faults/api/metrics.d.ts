import { Registry } from 'prom-client';
import type { ProxyCollection } from '../proxy-collection.js';
/**
 * What GET /metrics serves, as Toxiproxy's -proxy-metrics and -runtime-metrics flags choose (metrics.go,
 * collectors/): the route exists only when something is enabled, as in Toxiproxy.
 */
export interface MetricsOptions {
    /** toxiproxy_proxy_received_bytes_total and toxiproxy_proxy_sent_bytes_total, per proxy link direction. */
    proxy?: boolean;
    /**
     * Process metrics (process_cpu_seconds_total, process_resident_memory_bytes… as Go's process collector
     * names them) and Node's own (nodejs_*) where Toxiproxy has go_*.
     */
    runtime?: boolean;
    /** More metrics to serve (duress's run metrics: see run-metrics.ts); serving it enables /metrics. */
    registry?: Registry;
}
/**
 * The registry behind /metrics, or undefined when metrics are off. The byte counters are read from the
 * collection's proxies on each scrape (their sockets' counters), so they cost nothing on the data path.
 * Unlike Toxiproxy, which adds a link's bytes when the link ends, open connections count as they go, so a
 * soak's long-lived connections show up while they last; a deleted proxy's series ends with it.
 */
export declare function createMetricsRegistry(collection: ProxyCollection, opts: MetricsOptions): Registry | undefined;
