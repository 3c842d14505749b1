import { memoryUsage } from 'node:process';
import type { Proxy } from 'toxiproxy-node-client';
import { createDnsServer, type DnsServer } from '../faults/dns-server.js';
import { createHistogram, encodeHistogram, recordMs, type Histogram } from '../metrics/histogram.js';
import type { ForwarderConfig, Scenario } from '../scenario/types.js';
import { createCloudWatchSink, type CloudWatchSink } from '../sinks/cloudwatch/server.js';
import { DeliveryLedger, type DeliveryCounts } from '../delivery/ledger.js';
import type { ScaledClock } from '../core/clock.js';
import type { FaultTargets } from './fault-applier.js';
import type { FaultLayer } from './fault-layer.js';
import type { ForwarderStopped, Heartbeat } from './isolation/instance-messages.js';
import { IsolatedInstance } from './isolation/isolated-instance.js';
import type { CellInfo, JournalEvent } from '../journal/events.js';
import { HEARTBEAT_WALL_MS, slotBase, SlotRunner, type Slot } from './slot-runner.js';
import { InstanceWatch, type Verdict } from './watchdog.js';

/** The DNS name each instance resolves to reach its sink: `i<slot>.sink.duress.test`. */
const SINK_DOMAIN = 'sink.duress.test';

export interface ForwarderSlot extends Slot<'forwarder', InstanceWatch> {
  /** The instance's log stream (the same for every generation of the slot). */
  stream: string;
  /** The slot's proxy route to the sink. */
  route: Proxy;
  /** The URL the instance posts to: the slot's DNS name and its route's port. */
  origin: string;
}

/**
 * Runs one cell of a forwarder scenario for its duration (slot-runner.ts does the instances' life): its
 * own mock sink, DNS fault server and ledger; a proxy route per instance slot on the run's fault layer,
 * reached through the slot's own DNS name so DNS faults hit one instance. The ledger takes every batch the
 * sink accepts and what each instance says it made, dropped and still held; loss is judged per instance.
 */
export class ForwarderCellRunner extends SlotRunner<'forwarder', InstanceWatch, ForwarderSlot> {
  readonly #system: ForwarderConfig;
  readonly ledger = new DeliveryLedger();
  readonly sink: CloudWatchSink;
  readonly dns: DnsServer;
  readonly #requestLatency: Histogram = createHistogram();
  #intervalRequest: Histogram = createHistogram();
  #stoppedCounters: Record<string, number>[] = [];
  #dnsAddress: { host: string; port: number } | undefined;
  #sinkCa: string | undefined;

  constructor(info: CellInfo, scenario: Scenario, clock: ScaledClock, layer: FaultLayer, journal: (e: JournalEvent) => void) {
    super(info, scenario, clock, layer, journal, 16);
    if (scenario.system.kind !== 'forwarder') throw new Error(`ForwarderCellRunner runs forwarder cells, not ${scenario.system.kind}`);
    this.#system = scenario.system;
    // With TLS, the certificate also covers the instances' names, so they verify it as a real client would.
    this.sink = createCloudWatchSink({ ...scenario.sink, host: '127.0.0.1', port: 0, tlsNames: [`*.${SINK_DOMAIN}`] }, clock);
    // The ledger's work is kept off the answer's path (receivedAt was taken when the batch was stored).
    this.sink.onAccepted((batch) => setImmediate(() => this.ledger.deliveredEvents(batch.events, batch.receivedAt)));
    this.dns = createDnsServer({ host: '127.0.0.1', port: 0, clock, records: {} });
  }

  protected async open(): Promise<ForwarderSlot[]> {
    const sinkAddress = await this.sink.start();
    this.#sinkCa = sinkAddress.ca;
    const scheme = sinkAddress.ca === undefined ? 'http' : 'https';
    this.#dnsAddress = await this.dns.start();
    const slots: ForwarderSlot[] = [];
    for (let i = 0; i < this.scenario.instances; i++) {
      const { proxy, port } = await this.layer.route(`cell${this.info.index}-slot${i}`, `127.0.0.1:${sinkAddress.port}`);
      const host = `i${i}.${SINK_DOMAIN}`;
      this.dns.setRecord(host, ['127.0.0.1']);
      slots.push({ ...slotBase(i), stream: `${this.#system.output.logStreamPrefix}${i}`, route: proxy, origin: `${scheme}://${host}:${port}` });
    }
    return slots;
  }

  protected spawn(slot: ForwarderSlot, id: string, seed: number, heapLimitMb: number): IsolatedInstance<'forwarder'> {
    this.ledger.register(id);
    return new IsolatedInstance(
      {
        kind: 'forwarder',
        id,
        stream: slot.stream,
        system: this.#system,
        clock: this.clock.spec(),
        seed,
        origin: slot.origin,
        ...(this.#sinkCa !== undefined ? { ca: this.#sinkCa } : {}),
        dns: this.#dnsAddress,
        heartbeatWallMs: HEARTBEAT_WALL_MS,
        freeze: new SharedArrayBuffer(4),
      },
      heapLimitMb,
    );
  }

  protected watchFor(startedAt: number): InstanceWatch {
    return new InstanceWatch(startedAt, this.scenario.failures.hangWindow, this.scenario.failures.memoryLimit);
  }

  protected heartbeat(_slot: ForwarderSlot, instance: IsolatedInstance<'forwarder'>, hb: Heartbeat, current: boolean): void {
    if (!current) return;
    this.ledger.generated(instance.id, hb.generated);
    if (hb.dropped.length > 0) this.ledger.declareDropped(instance.id, hb.dropped);
    for (const ms of hb.requestMs) {
      recordMs(this.#requestLatency, ms);
      recordMs(this.#intervalRequest, ms);
    }
  }

  protected check(slot: ForwarderSlot, instance: IsolatedInstance<'forwarder'>, now: number): Verdict | undefined {
    return slot.watch?.check(now, instance.last, this.ledger.lastDeliveryAt(instance.id), now < slot.frozenUntil);
  }

  protected ended(_slot: ForwarderSlot, instance: IsolatedInstance<'forwarder'>, final: ForwarderStopped | undefined): void {
    if (instance.last) this.#stoppedCounters.push(instance.last.counters);
    if (final) {
      this.ledger.generated(instance.id, final.generated);
      this.ledger.declareDropped(instance.id, final.dropped);
      this.ledger.declareUndrained(instance.id, final.undrained);
    } else {
      this.ledger.markFailed(instance.id);
    }
  }

  protected async close(drained: boolean): Promise<void> {
    await this.sink.stop();
    await this.dns.stop();
    this.interval();
    // Silent loss is judged once everything is stopped: each instance that lost records is one failure.
    for (const source of this.ledger.sources()) {
      const c = this.ledger.counts(source);
      if (c.lost > 0) {
        const slot = Number(/s(\d+)g/.exec(source)?.[1] ?? -1);
        this.record(slot, source, 'loss', { lostRecords: c.lost, generated: c.generated, delivered: c.delivered, drained }, []);
      }
    }
    this.journal({
      t: 'cell-end',
      cell: this.info.index,
      at: this.at(),
      drained,
      delivery: this.ledger.counts(),
      ...this.counters(),
      sink: structuredClone(this.sink.counters) as unknown as Record<string, unknown>,
    });
  }

  protected targets(): Omit<FaultTargets, 'toxicSpeed' | 'kill' | 'freeze'> {
    return {
      route: (slot, link) => {
        if (link !== undefined && link !== 'sink') throw new Error(`a forwarder has one link, sink, not ${link}`);
        return this.slots[slot]!.route;
      },
      dns: this.dns,
      dnsName: (slot) => `i${slot}.${SINK_DOMAIN}`,
      sink: this.sink,
      stream: (slot) => this.slots[slot]!.stream,
    };
  }

  /** A metrics interval: the journal gets cumulative counts and this interval's histograms. */
  interval(): void {
    let maxMemory = 0;
    for (const s of this.slots) maxMemory = Math.max(maxMemory, s.instance?.last?.memoryUsed ?? 0);
    const e2e = this.ledger.takeIntervalLatency();
    const req = this.#intervalRequest;
    this.#intervalRequest = createHistogram();
    this.journal({
      t: 'interval',
      cell: this.info.index,
      at: this.at(),
      wallMs: this.clock.toWall(this.at()),
      delivery: this.ledger.counts(),
      exposureMs: this.exposure(),
      failures: this.failureCount,
      endToEnd: encodeHistogram(e2e),
      request: encodeHistogram(req),
      requests: this.counters().requests,
      rss: memoryUsage.rss(),
      maxInstanceMemory: maxMemory,
      lag: this.takeLag(),
    });
  }

  /** Request outcomes and system counters, summed over the instances that ran. */
  counters(): { requests: Record<string, number>; system: Record<string, number> } {
    const requests: Record<string, number> = {};
    const system: Record<string, number> = {};
    const all = [...this.#stoppedCounters, ...this.slots.flatMap((s) => (s.instance?.last ? [s.instance.last.counters] : []))];
    for (const counters of all) {
      for (const [k, v] of Object.entries(counters)) {
        if (k.startsWith('requests.')) requests[k.slice(9)] = (requests[k.slice(9)] ?? 0) + v;
        else system[k] = (system[k] ?? 0) + v;
      }
    }
    return { requests, system };
  }

  deliveryCounts(): DeliveryCounts {
    return this.ledger.counts();
  }

  get requestLatency(): Histogram {
    return this.#requestLatency;
  }
}
