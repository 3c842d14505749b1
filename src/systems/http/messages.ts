import type { BaseHeartbeat, BaseStopped, SinkAccess, WorkerBaseData } from '../isolation/worker-protocol.js';
import type { LoadCounts } from './load-options.js';
import type { HttpConfig } from './schema.js';

/** An `http` instance's start data (worker.ts): the engine's fields, its route's origin, its share of the cell's load. */
export interface HttpWorkerData extends WorkerBaseData, Partial<SinkAccess> {
  origin: string;
  system: HttpConfig;
  /** This instance's place among the cell's instances: it sends the requests k ≡ share (mod shares) of the schedule. */
  share: number;
  shares: number;
  /** Its connections (the cell's, split over its instances). */
  connections: number;
  /**
   * Scenario epoch ms at which the cell's schedule started, for a renewed instance (it joins the schedule
   * where it is now); absent for the cell's first instances, which start it.
   */
  scheduleStartedAt?: number;
}

/** What one instance counted so far (cumulative), and the latencies since its last message. */
export interface HttpTallyMessage extends LoadCounts {
  /** Latency since the last message, HDR encoded (µs): from the due time (open model only) and from the send. Absent when none. */
  corrected?: string;
  uncorrected?: string;
}

export interface HttpHeartbeat extends BaseHeartbeat, HttpTallyMessage {
  inFlight: number;
  /** Requests due and waiting for a free connection. */
  backlog: number;
}

export interface HttpStopped extends BaseStopped, HttpTallyMessage {}
