import { ScaledClock, type Clock } from './clock.js';
import { Random, deriveSeed } from './random.js';
import { createHistogram, type Histogram } from '../metrics/histogram.js';
import type { Scenario } from '../scenario/types.js';
import { createCloudWatchSink, type CloudWatchSink } from '../sinks/cloudwatch/server.js';
import { DeliveryLedger } from '../sinks/ledger.js';
import { Forwarder } from '../systems/forwarder/forwarder.js';

/** Wall ms between drain checks. */
const DRAIN_POLL_WALL_MS = 20;

/**
 * One cell of a scenario for the forwarder: the mock sink, the ledger, and `instances` forwarders, each
 * writing its own log stream. The runner drives it through its phases (start, load, stopInput, drain,
 * stop); tests and the fault timeline reach the sink (`sink.faults`) and the ledger directly.
 */
export class ForwarderCell {
  readonly scenario: Scenario;
  readonly clock: Clock;
  readonly ledger = new DeliveryLedger();
  readonly requestLatency: Histogram = createHistogram();
  readonly sink: CloudWatchSink;
  readonly instances: Forwarder[] = [];
  #url = '';

  constructor(scenario: Scenario, clock: Clock = new ScaledClock(scenario.clock.speed)) {
    this.scenario = scenario;
    this.clock = clock;
    this.sink = createCloudWatchSink({ ...scenario.sink, host: '127.0.0.1', port: 0 }, clock);
    this.sink.onAccepted((batch) => this.ledger.delivered(batch.events.map((e) => e.message), batch.receivedAt));
  }

  /** Starts the sink, then every instance; their input starts at once. */
  async start(): Promise<void> {
    this.#url = (await this.sink.start()).url;
    const s = this.scenario;
    for (let i = 0; i < s.instances; i++) {
      const f = new Forwarder({
        id: `i${i}`,
        stream: `${s.system.output.logStreamPrefix}${i}`,
        config: s.system,
        clock: this.clock,
        random: new Random(deriveSeed(s.seed, 'instance', i)),
        ledger: this.ledger,
        origin: this.#url,
        requestLatency: this.requestLatency,
      });
      this.instances.push(f);
      await f.start();
    }
  }

  stopInput(): void {
    for (const f of this.instances) f.stopInput();
  }

  drained(): boolean {
    return this.instances.every((f) => f.drained());
  }

  /**
   * Waits until every instance has delivered what it holds, or `scenarioMs` has passed, or the signal
   * fires; resolves true when everything was drained.
   */
  async drain(scenarioMs: number, signal?: AbortSignal, onTick?: () => void): Promise<boolean> {
    const deadline = this.clock.now() + scenarioMs;
    while (!this.drained()) {
      if (this.clock.now() >= deadline || signal?.aborted) return false;
      await new Promise((r) => setTimeout(r, DRAIN_POLL_WALL_MS));
      onTick?.();
    }
    return true;
  }

  /** Stops every instance (what they still hold is reported to the ledger as undrained) and the sink. */
  async stop(): Promise<void> {
    await Promise.all(this.instances.map((f) => f.stop()));
    await this.sink.stop();
  }

  /** Request outcomes and system counters, summed over instances. */
  counters(): { requests: Record<string, number>; system: Record<string, number> } {
    const requests: Record<string, number> = {};
    const system: Record<string, number> = {};
    for (const f of this.instances) {
      for (const [k, v] of Object.entries(f.counters())) {
        if (k.startsWith('requests.')) requests[k.slice(9)] = (requests[k.slice(9)] ?? 0) + v;
        else system[k] = (system[k] ?? 0) + v;
      }
    }
    return { requests, system };
  }
}
