import http from 'node:http';
import { once } from 'node:events';
import type { ScaledClock } from '../../../src/core/clock.js';
import { createDnsServer } from '../../../src/faults/dns-server.js';

/** What the kill-stress instances work against: a DNS server and an HTTP server on loopback. */
export interface StressTargets {
  /** `slow` answers 0 to 4 ms late, at every moment; `stalled` is never answered. */
  names: { slow: string; stalled: string };
  dnsAddress: { host: string; port: number };
  httpPort: number;
  /** Connections the HTTP server still holds (a killed instance must leave none). */
  connections(): Promise<number>;
  close(): Promise<void>;
}

/** Starts the targets both kill-stress children (a worker per instance, shared workers) drive. */
export async function startStressTargets(clock: ScaledClock): Promise<StressTargets> {
  const names = { slow: 'sink.kill.test', stalled: 'stalled.kill.test' };
  const dns = createDnsServer({ clock, records: { [names.slow]: ['127.0.0.1', '::1'], [names.stalled]: ['127.0.0.1'] } });
  dns.setFault({ kind: 'delay', ms: 2, jitter: 2 }, names.slow);
  dns.setFault({ kind: 'stall' }, names.stalled);
  const dnsAddress = await dns.start();
  const httpServer = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => setTimeout(() => res.end('ok'), Math.random() * 4));
  });
  httpServer.listen(0, '127.0.0.1');
  await once(httpServer, 'listening');
  return {
    names,
    dnsAddress,
    httpPort: (httpServer.address() as { port: number }).port,
    connections: () => new Promise<number>((r) => httpServer.getConnections((_e, n) => r(n))),
    async close() {
      httpServer.close();
      httpServer.closeAllConnections();
      await dns.stop();
    },
  };
}
