import { createHistogram, recordMs, type Histogram } from '../../metrics/histogram.js';
import { SinkWriterCell } from '../sink-writer-cell.js';
import type { LiveInstance } from '../system-kind.js';
import type { ForwarderConfig } from './config.js';
import type { ForwarderStopped, Heartbeat } from './messages.js';
import { InstanceWatch } from './watch.js';

/** What the forwarder's `spawn` adds to a worker's start data (SinkAccess and the engine's fields come with it). */
export interface ForwarderSpawnData {
  system: ForwarderConfig;
}

/**
 * The forwarder's part of one cell (the engine runs the instances, the sink, the DNS server and the
 * routes): the delivery accounting every sink writer shares (SinkWriterCell), what a stopped instance still
 * held, every request's latency over the cell, and the forwarder's own counters.
 */
export class ForwarderCell extends SinkWriterCell<ForwarderConfig, Heartbeat, ForwarderStopped, InstanceWatch> {
  readonly #requestLatency: Histogram = createHistogram();
  #stoppedCounters: Record<string, number>[] = [];

  channel(slot: number): string {
    return `${this.context.config.output.logStreamPrefix}${slot}`;
  }

  watchFor(startedAt: number): InstanceWatch {
    return new InstanceWatch(startedAt, this.context.hangWindow, this.context.memoryLimit);
  }

  protected override requestEnded(ms: number): void {
    recordMs(this.#requestLatency, ms);
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

  protected requestCounts(live: readonly LiveInstance<Heartbeat>[]): Record<string, number> {
    return this.counters(live).requests;
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
