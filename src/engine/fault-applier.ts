import type { ICreateToxicBody, Proxy } from 'toxiproxy-node-client';
import type { DnsServer } from '../faults/dns-server.js';
import { toDnsFault } from '../faults/fault-spec-dns.js';
import { toSinkFault } from '../faults/fault-spec-sink.js';
import { TOXIC_KINDS } from '../faults/fault-spec.js';
import { toxicAttributes } from '../faults/fault-spec-toxic.js';
import type { FaultOccurrence } from '../faults/timeline.js';
import type { Sink } from '../sinks/sink.js';

/** What faults act on, per instance slot of a cell. */
export interface FaultTargets {
  /** 1 for the embedded proxy (scenario units), the clock speed for a real Toxiproxy (wall units). */
  toxicSpeed: number;
  /**
   * The proxy route of one link of a slot's instance (the kind's default link when undefined; see
   * LinkPlan in src/systems/system-kind.ts). Read anew each time: a route may be replaced by a renewal.
   */
  route(slot: number, link: string | undefined): Proxy;
  /** The cell's DNS fault server; absent for a system that resolves no names. */
  dns?: DnsServer | undefined;
  dnsName(slot: number): string;
  /** The cell's mock sink; absent for a system without one. */
  sink?: Sink | undefined;
  /** The sink's name for a slot's traffic (its channel: a CloudWatch log stream); sink faults are scoped by it. */
  stream(slot: number): string;
  kill(slot: number, occurrence: string): void;
  freeze(slot: number, scenarioMs: number): void;
}

/**
 * Toxiproxy clients put the toxic's name into the URL path unescaped (toxiproxy-node-client does), so an
 * occurrence id like `timeout#1/1` would cut the path at `#`: names keep to letters, digits, `.`, `_`, `-`.
 */
export function toxicName(occurrenceId: string): string {
  return occurrenceId.replace(/[^A-Za-z0-9._-]/g, '_');
}

const TOXICS: ReadonlySet<string> = new Set(TOXIC_KINDS);

/**
 * Starts one fault occurrence on its instances and returns what lifts it. Network faults go through
 * toxiproxy-node-client (toxics, `down`), DNS faults to the cell's DNS server, sink faults to the mock
 * sink (limited to the streams of the instances hit), instance faults to the runner.
 */
export async function applyFault(occ: FaultOccurrence, t: FaultTargets, cellDuration: number): Promise<() => Promise<void>> {
  const spec = occ.spec;
  const slots = occ.instances;
  if (TOXICS.has(spec.kind)) {
    const payload = toxicAttributes(spec as Parameters<typeof toxicAttributes>[0], { speed: t.toxicSpeed });
    const link = (spec as { link?: string }).link;
    // The client's type union lists Toxiproxy's toxics only; `silent` (duress's own) goes to the embedded
    // proxy alone, since a scenario using it is refused up front with --toxiproxy (checkToxicsSupported).
    const body = { name: toxicName(occ.id), ...payload } as ICreateToxicBody<Record<string, number>>;
    const toxics = await Promise.all(slots.map((slot) => t.route(slot, link).addToxic(body)));
    return async () => {
      await Promise.all(toxics.map((x) => x.remove()));
    };
  }
  switch (spec.kind) {
    case 'down': {
      const routes = slots.map((slot) => t.route(slot, spec.link));
      await Promise.all(routes.map((r) => r.update({ enabled: false, listen: r.listen, upstream: r.upstream })));
      return async () => {
        // The route may have been re-pointed while it was down (a broker renewed): lift it where it points now.
        await Promise.all(
          slots.map((slot) => {
            const r = t.route(slot, spec.link);
            return r.update({ enabled: true, listen: r.listen, upstream: r.upstream });
          }),
        );
      };
    }
    case 'dns-stall':
    case 'dns-delay':
    case 'dns-nxdomain':
    case 'dns-servfail':
    case 'dns-wrong-address': {
      const dns = t.dns;
      if (!dns) throw new Error(`${spec.kind} needs a DNS server, and this system resolves no names`);
      const ids = slots.map((slot) => dns.addFault(toDnsFault(spec), t.dnsName(slot)));
      return async () => {
        for (const id of ids) dns.removeFault(id);
      };
    }
    case 'sink-throttle':
    case 'sink-error':
    case 'sink-slow':
    case 'sink-drop-connection':
    case 'sink-close-idle':
    case 'sink-discard':
    case 'sink-duplicate': {
      const sink = t.sink;
      if (!sink) throw new Error(`${spec.kind} needs a sink, and this system has none`);
      const id = sink.faults.add(toSinkFault(spec, { streams: slots.map((s) => t.stream(s)) }));
      return async () => {
        sink.faults.remove(id);
      };
    }
    case 'kill':
      for (const slot of slots) t.kill(slot, occ.id);
      return async () => {};
    case 'pause':
      for (const slot of slots) t.freeze(slot, Math.max(0, Math.min(occ.end, cellDuration) - occ.start));
      return async () => {};
    default:
      throw new Error(`no way to apply fault kind ${(spec as { kind: string }).kind}`);
  }
}
