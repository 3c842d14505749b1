import { createHistogram, recordMs, type Histogram } from '../../metrics/histogram.js';
import { DeliveryLedger, type DeliveryCounts } from '../../delivery/ledger.js';
import type { CellContext, CellSystem, IntervalFigures, LiveInstance, Loss } from '../system-kind.js';
import type { Verdict } from '../watch.js';
import type { ForwarderConfig } from './config.js';
import type { ForwarderStopped, Heartbeat } from './messages.js';
import { InstanceWatch } from './watch.js';

/** What the forwarder's `spawn` adds to a worker's start data (SinkAccess and the engine's fields come with it). */
export interface ForwarderSpawnData {
  system: ForwarderConfig;
}

/**
 * The forwarder's part of one cell (the engine runs the instances, the sink, the DNS server and the
 * routes): its delivery ledger, which takes every batch the sink accepts and what each instance says it
 * made, dropped and still held; loss is judged per instance. Request latency and outcomes come with the
 * heartbeats.
 */
export class ForwarderCell implements CellSystem<Heartbeat, ForwarderStopped, ForwarderSpawnData, InstanceWatch> {
  readonly ledger = new DeliveryLedger();
  readonly #context: CellContext<ForwarderConfig>;
  readonly #requestLatency: Histogram = createHistogram();
  #intervalRequest: Histogram = createHistogram();
  #stoppedCounters: Record<string, number>[] = [];

  constructor(context: CellContext<ForwarderConfig>) {
    this.#context = context;
    // The ledger's work is kept off the answer's path (receivedAt was taken when the batch was stored).
    context.sink?.onDelivered((records, receivedAt) => setImmediate(() => this.ledger.deliveredEvents(records, receivedAt)));
  }

  channel(slot: number): string {
    return `${this.#context.config.output.logStreamPrefix}${slot}`;
  }

  spawn(_slot: number, id: string): ForwarderSpawnData {
    this.ledger.register(id);
    return { system: this.#context.config };
  }

  watchFor(startedAt: number): InstanceWatch {
    return new InstanceWatch(startedAt, this.#context.hangWindow, this.#context.memoryLimit);
  }

  check(watch: InstanceWatch, id: string, last: Heartbeat | undefined, now: number, frozen: boolean): Verdict | undefined {
    return watch.check(now, last, this.ledger.lastDeliveryAt(id), frozen);
  }

  heartbeat(_slot: number, id: string, hb: Heartbeat, current: boolean): void {
    if (!current) return;
    this.ledger.generated(id, hb.generated);
    if (hb.dropped.length > 0) this.ledger.declareDropped(id, hb.dropped);
    for (const ms of hb.requestMs) {
      recordMs(this.#requestLatency, ms);
      recordMs(this.#intervalRequest, ms);
    }
  }

  ended(_slot: number, id: string, last: Heartbeat | undefined, final: ForwarderStopped | undefined): void {
    if (last) this.#stoppedCounters.push(last.counters);
    if (final) {
      this.ledger.generated(id, final.generated);
      this.ledger.declareDropped(id, final.dropped);
      this.ledger.declareUndrained(id, final.undrained);
    } else {
      this.ledger.markFailed(id);
    }
  }

  deliveryCounts(): DeliveryCounts {
    return this.ledger.counts();
  }

  interval(live: readonly LiveInstance<Heartbeat>[]): IntervalFigures {
    const endToEnd = this.ledger.takeIntervalLatency();
    const request = this.#intervalRequest;
    this.#intervalRequest = createHistogram();
    return { endToEnd, request, requests: this.counters(live).requests };
  }

  /** Silent loss, judged once everything is stopped: each instance that lost records is one failure. */
  losses(drained: boolean): Loss[] {
    const out: Loss[] = [];
    for (const source of this.ledger.sources()) {
      const c = this.ledger.counts(source);
      if (c.lost > 0) {
        const slot = Number(/s(\d+)g/.exec(source)?.[1] ?? -1);
        out.push({ slot, id: source, evidence: { lostRecords: c.lost, generated: c.generated, delivered: c.delivered, drained } });
      }
    }
    return out;
  }

  totals(live: readonly LiveInstance<Heartbeat>[]): { requests: Record<string, number>; system: Record<string, number> } {
    return this.counters(live);
  }

  /** Request outcomes and system counters, summed over the instances that ran (`live`: those running now; none once the cell stopped). */
  counters(live: readonly LiveInstance<Heartbeat>[] = []): { requests: Record<string, number>; system: Record<string, number> } {
    const requests: Record<string, number> = {};
    const system: Record<string, number> = {};
    const all = [...this.#stoppedCounters, ...live.flatMap((i) => (i.last ? [i.last.counters] : []))];
    for (const counters of all) {
      for (const [k, v] of Object.entries(counters)) {
        if (k.startsWith('requests.')) requests[k.slice(9)] = (requests[k.slice(9)] ?? 0) + v;
        else system[k] = (system[k] ?? 0) + v;
      }
    }
    return { requests, system };
  }

  /** Every output request's latency over the cell, scenario ms. */
  get requestLatency(): Histogram {
    return this.#requestLatency;
  }
}
