/**
 * The faults every HTTP-like mock sink shares (the CloudWatch sink, the generic HTTP sink; the TCP line sink
 * takes the ones that make sense without answers). A sink names what a request does by an operation (the
 * CloudWatch sink: its API operation; the HTTP sink: `POST`), and one of them is the one that carries records
 * (PutLogEvents; POST): throttle, discard and duplicate only ever concern that one.
 *
 * What every sink fault may say about its extent. A fault ends when its window passes, when its count
 * (`batches` / `requests`) is used up, or when it is removed, whichever comes first; with neither a window
 * nor a count it lasts until removed.
 */
interface FaultExtent {
  /** Window in scenario ms, from when the fault is added. */
  for?: number;
  /** Only requests of these channels (a log stream, a request path: one per instance); all channels when absent. */
  streams?: readonly string[];
}

/** Accepted with 200 and a fresh token, but neither stored nor emitted: silent loss. */
export interface DiscardFault extends FaultExtent {
  kind: 'discard';
  batches?: number;
}

/**
 * Stored and emitted, then answered 500 ServiceUnavailableException so that the client sends it again.
 * The batch is not remembered for DataAlreadyAccepted, so the re-send is accepted (and emitted) again:
 * with sequence tokens the re-send carries the old token, is answered InvalidSequenceTokenException with
 * the new one, and the client's retry with that token is accepted; without tokens it is accepted at once.
 */
export interface DuplicateFault extends FaultExtent {
  kind: 'duplicate';
  batches?: number;
}

/** Every record-carrying request answered as throttled (CloudWatch: ThrottlingException; HTTP: 429): a throttling burst. */
export interface ThrottleFault extends FaultExtent {
  kind: 'throttle';
  requests?: number;
}

/** Requests answered with a 500 or 503 (CloudWatch: ServiceUnavailableException). */
export interface ErrorFault extends FaultExtent {
  kind: 'error';
  status: 500 | 503;
  requests?: number;
  /** Only these operations; all when absent. */
  ops?: readonly string[];
}

/** Service time added to every answer (on top of the sink's `latency`). */
export interface SlowFault extends FaultExtent {
  kind: 'slow';
  /** Scenario ms. */
  latency: number;
  ops?: readonly string[];
}

/**
 * The request is read, then the connection is destroyed mid-response (status line and some headers sent).
 * By default the request has no effect; with `afterStore` it is processed first (a put is stored and
 * emitted), so the client cannot know its batch arrived.
 */
export interface DropConnectionFault extends FaultExtent {
  kind: 'drop-connection';
  requests?: number;
  afterStore?: boolean;
  ops?: readonly string[];
}

/**
 * Idle keep-alive connections are closed after `after` scenario ms instead of the sink's `idleTimeout`
 * (0 closes them as soon as a response ends). Applies to connections that go idle while it is active.
 */
export interface CloseIdleFault {
  kind: 'close-idle';
  after: number;
  for?: number;
}

export type SinkFaultSpec = DiscardFault | DuplicateFault | ThrottleFault | ErrorFault | SlowFault | DropConnectionFault | CloseIdleFault;
export type SinkFaultKind = SinkFaultSpec['kind'];

/** Why a fault ended. */
export type SinkFaultEnd = 'expired' | 'exhausted' | 'removed' | 'cleared' | 'stopped';

/** A fault while it is active. */
export interface ActiveSinkFault {
  readonly id: string;
  readonly spec: SinkFaultSpec;
  /** Scenario epoch ms. */
  readonly addedAt: number;
  /** Batches or requests left; undefined when the fault has no count. */
  readonly remaining: number | undefined;
}

/** The scenario's names of the shared sink faults (fault-kinds.ts registers them): what an HTTP-like sink lists in SinkKind.faults. */
export const SHARED_SINK_FAULTS = ['sink-throttle', 'sink-error', 'sink-slow', 'sink-drop-connection', 'sink-close-idle', 'sink-discard', 'sink-duplicate'] as const;
