import { createHistogram, recordMs, type Histogram } from '../metrics/histogram.js';
import { DeliveryLedger, type DeliveryCounts } from '../delivery/ledger.js';
import type { BaseHeartbeat, BaseStopped } from './isolation/worker-protocol.js';
import type { CellContext, CellSystem, IntervalFigures, LiveInstance, Loss } from './system-kind.js';
import type { Verdict, Watch } from './watch.js';

/** What the heartbeat of a system that writes duress's records to a sink says about them. */
export interface SinkWriterHeartbeat extends BaseHeartbeat {
  /** Records generated so far. */
  generated: number;
  /** Records declared dropped since the last heartbeat. */
  dropped: number[];
  /** Latencies (scenario ms) of the output requests that ended since the last heartbeat. */
  requestMs: number[];
}

/** A watch that judges an instance by its heartbeat and by when the sink last got a record of it. */
export interface SinkWriterWatch<H> extends Watch {
  check(now: number, hb: H | undefined, lastDeliveryAt: number, frozen: boolean): Verdict | undefined;
}

/**
 * The part of a cell that every system writing duress's records to a sink shares (the forwarder, a user's
 * output module): a delivery ledger fed by the sink (every record found by its id) and by what each
 * instance says it generated and dropped, request latency from the heartbeats, and silent loss judged per
 * instance once everything stopped. A kind adds its channel naming, its watch, what an ended instance
 * leaves, and its request counts.
 */
export abstract class SinkWriterCell<C, H extends SinkWriterHeartbeat, S extends BaseStopped, W extends SinkWriterWatch<H>>
  implements CellSystem<H, S, { system: C }, W>
{
  readonly ledger = new DeliveryLedger();
  protected readonly context: CellContext<C>;
  #intervalRequest: Histogram = createHistogram();

  constructor(context: CellContext<C>) {
    this.context = context;
    // The ledger's work is kept off the sink's answer path (receivedAt was taken on arrival).
    context.sink?.onDelivered((records, receivedAt) => setImmediate(() => this.ledger.deliveredEvents(records, receivedAt)));
  }

  abstract channel(slot: number): string;
  abstract watchFor(startedAt: number): W;
  abstract ended(slot: number, id: string, last: H | undefined, final: S | undefined): void;
  /** Request outcomes summed over the instances that ran (`live`: those running now). */
  protected abstract requestCounts(live: readonly LiveInstance<H>[]): Record<string, number>;
  abstract totals(live: readonly LiveInstance<H>[]): { requests: Record<string, number>; system: Record<string, number> };

  spawn(_slot: number, id: string): { system: C } {
    this.ledger.register(id);
    return { system: this.context.config };
  }

  check(watch: W, id: string, last: H | undefined, now: number, frozen: boolean): Verdict | undefined {
    return watch.check(now, last, this.ledger.lastDeliveryAt(id), frozen);
  }

  heartbeat(_slot: number, id: string, hb: H, current: boolean): void {
    if (!current) return;
    this.ledger.generated(id, hb.generated);
    if (hb.dropped.length > 0) this.ledger.declareDropped(id, hb.dropped);
    for (const ms of hb.requestMs) {
      recordMs(this.#intervalRequest, ms);
      this.requestEnded(ms);
    }
  }

  /** Called with each output request's latency (scenario ms), for a kind that keeps more than the interval's. */
  protected requestEnded(_ms: number): void {}

  deliveryCounts(): DeliveryCounts {
    return this.ledger.counts();
  }

  interval(live: readonly LiveInstance<H>[]): IntervalFigures {
    const endToEnd = this.ledger.takeIntervalLatency();
    const request = this.#intervalRequest;
    this.#intervalRequest = createHistogram();
    return { endToEnd, request, requests: this.requestCounts(live) };
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
}
