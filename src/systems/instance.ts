/**
 * What every system under test offers the engine, whatever it is (in-process forwarder or broker, an
 * external process, an HTTP service). The runner starts instances, stops their input at the end of the
 * cell, waits for them to drain, and reads their counters; the watchdog reads counters as they run.
 */
export interface SystemInstance {
  /** Unique within the run (renewals included); also the ledger's source name. */
  readonly id: string;
  start(): Promise<void>;
  /** Stops generating input; what is already held keeps being delivered. */
  stopInput(): void;
  /** True when the system holds nothing it still has to deliver. */
  drained(): boolean;
  /** Stops everything at once, abandoning what is still held; the held records are reported first. */
  stop(): Promise<void>;
  /** A snapshot of the system's own counters, for results and the watchdog. */
  counters(): Record<string, number>;
}
