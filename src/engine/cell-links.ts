import type { Proxy } from 'toxiproxy-node-client';
import { createDnsServer, type DnsServer } from '../faults/dns-server.js';
import type { Scenario } from '../scenario/types.js';
import { sinkKinds } from '../sinks/registry.js';
import type { Sink } from '../sinks/sink.js';
import type { SinkAccess } from '../systems/isolation/worker-protocol.js';
import type { LinkPlan, SystemKind } from '../systems/system-kind.js';
import type { ScaledClock } from '../core/clock.js';
import type { FaultTargets } from './fault-applier.js';
import type { FaultLayer } from './fault-layer.js';

/** The DNS name each instance resolves to reach its sink: `i<slot>.sink.duress.test`. */
const SINK_DOMAIN = 'sink.duress.test';

/**
 * What a cell's instances are reached by, as their kind's LinkPlan asks: the cell's sink (started through
 * the sink registry), its DNS fault server, and per slot one proxy route per link on the run's fault
 * layer. Routes to the sink are made at `open`; routes to the instance itself are made when its first
 * generation listens and re-pointed for each renewal (`pointAt`). Faults reach all of it through `targets`.
 */
export class CellLinks {
  readonly plan: LinkPlan;
  readonly sink: Sink | undefined;
  readonly dns: DnsServer | undefined;
  readonly #cell: number;
  readonly #layer: FaultLayer;
  /** Per slot, the route of each link (in `plan.names` order). */
  readonly #routes: Proxy[][] = [];
  readonly #access: Omit<SinkAccess, 'channel'>[] = [];

  constructor(kind: SystemKind, scenario: Scenario, cell: number, clock: ScaledClock, layer: FaultLayer) {
    this.plan = kind.links(scenario.system);
    this.#cell = cell;
    this.#layer = layer;
    const sinkName = kind.sink(scenario.system);
    if (sinkName !== undefined) {
      if (scenario.sink.kind !== sinkName) throw new Error(`${kind.noun} writes to a ${sinkName} sink, and the scenario's sink is ${scenario.sink.kind}`);
      if (this.plan.upstream !== 'sink' || this.plan.names.length !== 1) throw new Error(`${kind.noun} writes to a sink: its links must be one, leading to the sink`);
      // With TLS, the certificate also covers the instances' names, so they verify it as a real client would.
      this.sink = sinkKinds.get(sinkName).create(scenario.sink, { clock, tlsNames: [`*.${SINK_DOMAIN}`] });
    }
    if (this.plan.dns && this.sink) this.dns = createDnsServer({ ...(this.plan.dnsListen?.(cell) ?? { host: '127.0.0.1', port: 0 }), clock, records: {} });
  }

  /**
   * Starts the sink and the DNS server, and the routes to the sink (or to the kind's address) of the slots
   * (a count: 0 … n - 1; or their indices).
   */
  async open(slots: number | readonly number[]): Promise<void> {
    if (this.plan.upstream === 'address') return this.#openAddress(typeof slots === 'number' ? Array.from({ length: slots }, (_, j) => j) : slots);
    if (!this.sink) return;
    const address = await this.sink.start();
    const scheme = address.ca === undefined ? 'http' : 'https';
    const dns = await this.dns?.start();
    for (const i of typeof slots === 'number' ? Array.from({ length: slots }, (_, j) => j) : slots) {
      const listen = this.plan.listen?.(this.#cell, i) ?? { host: '127.0.0.1', port: 0 };
      const { proxy, port } = await this.#layer.route(this.#routeName(i, this.plan.names[0]!), `127.0.0.1:${address.port}`, `${listen.host}:${listen.port}`);
      this.#routes[i] = [proxy];
      let host = listen.host;
      if (this.dns) {
        host = this.dnsName(i);
        this.dns.setRecord(host, [listen.host]);
      }
      this.#access[i] = { origin: `${scheme}://${host}:${port}`, ...(address.ca !== undefined ? { ca: address.ca } : {}), ...(address.caFile !== undefined ? { caFile: address.caFile } : {}), dns };
    }
  }

  /** Routes to a service outside duress (LinkPlan.address), one per slot, all made now. */
  async #openAddress(slots: readonly number[]): Promise<void> {
    const { address, names, scheme = 'http' } = this.plan;
    if (address === undefined || names.length !== 1) throw new Error('a kind whose links lead to an address has one link and names the address');
    for (const i of slots) {
      const { proxy, port } = await this.#layer.route(this.#routeName(i, names[0]), address);
      this.#routes[i] = [proxy];
      this.#access[i] = { origin: `${scheme}://127.0.0.1:${port}`, dns: undefined };
    }
  }

  /** How slot `slot`'s instance reaches the sink (or the kind's address); undefined for a kind with neither. */
  access(slot: number): Omit<SinkAccess, 'channel'> | undefined {
    return this.#access[slot];
  }

  dnsName(slot: number): string {
    return `i${slot}.${SINK_DOMAIN}`;
  }

  /**
   * Points the slot's routes at a generation's instance listening on `port`: made on the first,
   * re-pointed for each renewal (keeping their toxics and whether they are down). Resolves with the
   * routes' ports, by link.
   */
  async pointAt(slot: number, port: number): Promise<number[]> {
    const upstream = `127.0.0.1:${port}`;
    let routes = this.#routes[slot];
    if (!routes) {
      routes = [];
      for (const link of this.plan.names) routes.push((await this.#layer.route(this.#routeName(slot, link), upstream)).proxy);
    } else {
      routes = await Promise.all(
        routes.map(async (r) => {
          const now = await this.#layer.client.get(r.name);
          return now.update({ enabled: now.enabled, listen: now.listen, upstream });
        }),
      );
    }
    this.#routes[slot] = routes;
    return routes.map((r) => Number(r.listen.slice(r.listen.lastIndexOf(':') + 1)));
  }

  /** What faults act on: routes by link, the DNS server and the sink (`channel`: the sink's name of a slot's traffic). */
  targets(noun: string, channel: (slot: number) => string): Omit<FaultTargets, 'toxicSpeed' | 'kill' | 'freeze'> {
    return {
      route: (slot, link) => {
        const name = link ?? this.plan.defaultLink;
        const j = name === undefined ? -1 : this.plan.names.indexOf(name);
        if (j < 0) throw new Error(`${noun} fault needs one of the links ${this.plan.names.join(', ')}, not ${link ?? 'none'}`);
        const route = this.#routes[slot]?.[j];
        if (!route) throw new Error(`the route of ${name} in slot ${slot} is not up yet`);
        return route;
      },
      ...(this.dns ? { dns: this.dns } : {}),
      dnsName: (slot) => (this.dns ? this.dnsName(slot) : ''),
      ...(this.sink ? { sink: this.sink } : {}),
      stream: channel,
    };
  }

  async close(): Promise<void> {
    await this.sink?.stop();
    await this.dns?.stop();
  }

  /** `cell<c>-slot<s>` for the default link, `cell<c>-slot<s>-<link>` for the others. */
  /** The in-flight view of slot `slot`'s route to the sink or address (RouteView). */
  awaitingAnswerSince(slot: number): number | null | undefined {
    return this.plan.upstream === 'instance' ? undefined : this.#layer.awaitingAnswerSince(this.#routeName(slot, this.plan.names[0]));
  }

  #routeName(slot: number, link: string | undefined): string {
    const base = `cell${this.#cell}-slot${slot}`;
    return link === undefined || link === this.plan.defaultLink ? base : `${base}-${link}`;
  }
}
