/**
 * The interface of duress's HTTP load generator: what to send, how fast, and what comes back.
 *
 * Two models, as load testers name them:
 *
 * - **Open model** (`arrival` given; wrk2, k6's constant- and ramping-arrival-rate): requests arrive on a
 *   schedule that does not care how the target is doing. Each request has a *due time* from the schedule;
 *   it is sent at that time on a free connection, or as soon as one frees up. Its *corrected* latency runs
 *   from the due time, so a target that stalls pays for every request that should have been sent during the
 *   stall (no coordinated omission); its *uncorrected* latency runs from the moment it was handed to the
 *   connection, which is what a closed-model tool would have reported.
 * - **Closed model** (`arrival` absent; autocannon, wrk): each connection keeps `pipelining` requests in
 *   flight and sends the next as soon as one completes. There is no schedule, so there is only one latency,
 *   from send to response (reported as uncorrected; `corrected` is absent).
 *
 * Latency histograms are HDR histograms in microseconds with the explicit range of src/metrics/histogram.ts,
 * so that the parts made by worker threads merge without loss.
 */

/** One request to send. `path` includes the query string; `headers` are sent as given. */
export interface HttpRequestSpec {
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** Sent as is; a Content-Length header is added by the client. */
  body?: Uint8Array | string;
}

/**
 * One stage of the arrival rate, k6 style: the rate moves linearly from the previous stage's target (or
 * `startRate` for the first) to `target` over `durationMs`. A constant rate is one stage whose target equals
 * the start rate.
 */
export interface ArrivalStage {
  /** Requests per second at the end of the stage. */
  target: number;
  durationMs: number;
}

export interface ArrivalRate {
  /** Requests per second at time 0. */
  startRate: number;
  /** The whole run's schedule; the run lasts as long as the stages together. */
  stages: ArrivalStage[];
}

export interface LoadOptions {
  /** `http://host:port` or `https://host:port`. Requests' paths are relative to it. */
  origin: string;
  /** For an https origin: how its certificate is checked (default: as any client, against Node's CAs). */
  tls?: TlsOptions;
  /**
   * The requests, sent in this order and round again. One element is a template repeated for every request;
   * several are a list (e.g. a recorded session).
   */
  requests: HttpRequestSpec[];
  /** Connections in total (split between the worker threads); at least `workers`. */
  connections: number;
  /** Requests in flight per connection (HTTP/1.1 pipelining); 1 = none. */
  pipelining: number;
  /** Open model when given; closed model when absent. */
  arrival?: ArrivalRate;
  /** Length of the closed model's run; ignored in the open model, whose stages give its length. */
  durationMs: number;
  /** Worker threads generating the load, each with an equal share of the rate and of the connections. */
  workers: number;
  /**
   * After the run, how long requests still in flight may take to finish before they are cut off and
   * counted as errors of kind `unfinished`. Default 5000.
   */
  drainTimeoutMs?: number;
  /** Per-request timeout for the response headers and body (undici's headersTimeout/bodyTimeout). Default 30000. */
  requestTimeoutMs?: number;
  /** Called about once a second, on the calling thread, with the totals so far. */
  onProgress?: (progress: LoadProgress) => void;
  /**
   * Called once, on the calling thread, when every worker thread is ready (warmed up, its connections
   * open) and the start is sent: what ran before it was start-up, what runs after it is the load. A
   * caller that measures the generator's own CPU (the bench) reads process.cpuUsage() here.
   */
  onStart?: () => void;
  /** Stops the run early; the results then cover what ran. */
  signal?: AbortSignal;
}

/** Totals so far, for a progress line. */
export interface LoadProgress {
  elapsedMs: number;
  sent: number;
  completed: number;
  errors: number;
  /** Requests due but not yet sent (open model): the generator is behind its schedule by this many. */
  backlog: number;
}

/**
 * What one run measured; every count covers the whole run and every worker thread.
 *
 * Accounting: in the open model `due = sent + shortfall`; every sent request ends as exactly one of a
 * response (counted in `statuses`) or an error (counted in `errors`), so `sent = responses + errors total`.
 */
/** What a load counted: the same figures in a LoadResult, an instance's tally message and `duress load`'s summary. */
export interface LoadCounts {
  /** Requests the schedule made due (open model); equal to `sent` in the closed model. */
  due: number;
  /** Requests handed to a connection. */
  sent: number;
  /** Requests that got a complete response, whatever its status. */
  responses: number;
  /** Responses by status code. */
  statuses: Record<string, number>;
  /**
   * Requests that failed without a complete response, by kind: the error's code (`ECONNREFUSED`,
   * `UND_ERR_SOCKET`, `UND_ERR_HEADERS_TIMEOUT`, …), or `unfinished` for requests still in flight when
   * the drain timeout ended the run.
   */
  errors: Record<string, number>;
  /**
   * The generator's own shortfall (open model): requests that were due before the end of the schedule but
   * were never sent, because every connection was busy to the end or the generator fell behind. Never
   * hidden: a run with a shortfall did not apply the load it was asked for.
   */
  shortfall: number;
  /** Response body bytes received. */
  bytesReceived: number;
}

export interface LoadResult extends LoadCounts {
  model: 'open' | 'closed';
  /** From the start of the schedule (or of the first request) to the end of the last response, ms. */
  elapsedMs: number;
  /** Latency from due time to complete response, µs, HDR encoded (metrics/histogram.ts); open model only. */
  corrected?: string;
  /** Latency from send to complete response, µs, HDR encoded. */
  uncorrected: string;
  /**
   * How late each request was sent (open model only), µs, HDR encoded: from its due time to its hand-over
   * to undici (sent − due, as wrk2 counts it). It is the part of a corrected latency spent before the send:
   * the generator's own timer lateness (Node's timers fire in whole milliseconds, so at a few thousand
   * requests per second its median is most of a millisecond) plus any wait for a free connection while
   * every connection was busy (a slow or stalled target shows here too).
   */
  sendLateness?: string;
}

/**
 * How an https target's certificate is checked. By default as any client does: against Node's CAs and the
 * origin's host name. Through a proxy route the origin is 127.0.0.1, so `servername` names the target.
 */
export interface TlsOptions {
  /** Accept any certificate (a self-signed test server): the traffic is still TLS, unauthenticated. */
  insecure?: boolean;
  /** PEM of a CA the target's certificate must chain to (instead of Node's CAs). */
  ca?: string;
  /** The name sent in SNI and checked against the certificate. */
  servername?: string;
}
