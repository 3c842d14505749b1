import { collectDefaultMetrics, Counter, Registry } from 'prom-client';
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

const LABELS = ['direction', 'listener', 'proxy', 'upstream'] as const;

/**
 * The registry behind /metrics, or undefined when metrics are off. The byte counters are read from the
 * collection's proxies on each scrape (their sockets' counters), so they cost nothing on the data path.
 * Unlike Toxiproxy, which adds a link's bytes when the link ends, open connections count as they go, so a
 * soak's long-lived connections show up while they last; a deleted proxy's series ends with it.
 */
export function createMetricsRegistry(collection: ProxyCollection, opts: MetricsOptions): Registry | undefined {
  if (!opts.proxy && !opts.runtime && !opts.registry) return undefined;
  const registries: Registry[] = [];
  const own = new Registry();
  if (opts.proxy) {
    const received = new Counter({
      name: 'toxiproxy_proxy_received_bytes_total',
      help: 'Bytes a proxy link received from its source (client for upstream, server for downstream)',
      labelNames: LABELS,
      registers: [own],
      collect() {
        received.reset();
        for (const p of collection.list()) for (const t of p.traffic()) received.inc(labelsOf(t), t.received);
      },
    });
    const sent = new Counter({
      name: 'toxiproxy_proxy_sent_bytes_total',
      help: 'Bytes a proxy link sent to its destination (server for upstream, client for downstream)',
      labelNames: LABELS,
      registers: [own],
      collect() {
        sent.reset();
        for (const p of collection.list()) for (const t of p.traffic()) sent.inc(labelsOf(t), t.sent);
      },
    });
  }
  if (opts.runtime) collectDefaultMetrics({ register: own });
  registries.push(own);
  if (opts.registry) registries.push(opts.registry);
  return registries.length === 1 ? own : Registry.merge(registries);
}

function labelsOf(t: { direction: string; listener: string; proxy: string; upstream: string }): Record<(typeof LABELS)[number], string> {
  return { direction: t.direction, listener: t.listener, proxy: t.proxy, upstream: t.upstream };
}
