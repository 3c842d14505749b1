/**
 * A subscriber's inbox on the broker: the messages routed to one subscriber and not yet written to its
 * socket. What happens when a subscriber cannot keep up is the inbox's *policy* (domain.md §4): wait for
 * it and hold everyone back (`block`), drop what does not fit (`drop-newest`), cut it off
 * (`disconnect`, `elastic`), or keep everything (`unbounded`).
 *
 * The broker owns the subscriber's socket and calls the policy at four points:
 *   - `offer` for every run of messages routed to the subscriber: queue, drop, or disconnect, message by message;
 *   - `take` whenever the socket can take more bytes: the next messages to write, oldest first;
 *   - `check` periodically and after offers, for limits that depend on time (sustained soft limits, lag);
 *   - `clear` when the subscriber is gone: whatever is still queued is lost to it and is counted as cut.
 * `full` is read after each offer and take: while any inbox is full the broker stops reading from
 * publishers (only `block` ever says full).
 *
 * Policies queue messages in FIFO order and never reorder them. All times are scenario epoch ms.
 */
export interface InboxPolicy {
  readonly kind: InboxKind;
  /** Messages queued now. */
  readonly messages: number;
  /** Bytes (whole frames) queued now. */
  readonly bytes: number;
  /** True while the broker must stop reading from publishers (backpressure); only `block` sets it. */
  readonly full: boolean;
  /**
   * Messages for this subscriber, a run of consecutive ones (`QueuedRun`): the verdict is exactly what
   * offering them one by one, at `now`, would give (queue, drop or disconnect, message by message), since
   * nothing is taken between the offers of one run.
   */
  offer(run: QueuedRun, now: number): InboxVerdict;
  /**
   * Messages of `size` bytes that can still be offered one by one before the inbox is full: the broker
   * routes no longer a run, so that it stops reading publishers at the very message that fills an inbox.
   * The last of them may make it full. Infinity for a policy that is never full.
   */
  roomBeforeFull(size: number): number;
  /**
   * The next messages to write, oldest first, removed from the inbox. At least one if any is queued; more
   * while they fit in `maxBytes` (a run may be split). With `stretchTo` above `maxBytes`, a run that starts
   * within `maxBytes` is taken on while its messages start below `stretchTo` (so a run is not cut short of a
   * budget it may use). A batching policy (`elastic`) hands over its whole batch regardless.
   */
  take(maxBytes: number, stretchTo?: number): QueuedRun[];
  /** Limits that depend on time; returns a reason to disconnect, or undefined. */
  check(now: number): string | undefined;
  /** Removes and returns everything still queued. */
  clear(): QueuedRun[];
}

/**
 * Consecutive messages routed to one subscriber: `count` MSG frames of `size` bytes each, from one
 * publisher, in the order it sent them, adjacent in one slab. The broker routes
 * what one read of a publisher's socket brought as one run (or a few) and offers the same run object to
 * every subscriber, so the cost of routing is per read and per subscriber, not per message and per
 * subscriber. The frames are encoded once and shared; a run is never changed once made (a partial take
 * makes new runs of its two parts).
 */
export interface QueuedRun {
  /** The frames as they go on the wire: `count * size` bytes at `at` in `slab` (msg-encoder.ts). */
  readonly slab: Buffer;
  readonly at: number;
  /** Bytes of each message (a whole MSG frame). */
  readonly size: number;
  readonly count: number;
  readonly publisherId: string;
  /** Scenario epoch ms at which the broker routed it. */
  readonly routedAt: number;
  /**
   * In sync-ack mode, the publication this copy belongs to: it is complete when every copy is settled.
   * Such a run holds one message (each publication is routed alone).
   */
  readonly origin: Settleable | undefined;
}

/** The messages `[from, from + count)` of a run, as a run of their own. */
export function partOfRun(run: QueuedRun, from: number, count: number): QueuedRun {
  return { slab: run.slab, at: run.at + from * run.size, size: run.size, count, publisherId: run.publisherId, routedAt: run.routedAt, origin: run.origin };
}

/** A publication waiting for its copies (sync-ack mode); `settle` is called once per copy. */
export interface Settleable {
  settle(): void;
}

/**
 * What became of a run offered to an inbox, as if its messages had been offered one by one:
 *   - the first `queued` messages were queued;
 *   - without `disconnect`, the rest were dropped (refused by the policy; counted);
 *   - with `disconnect`, the subscriber must be cut off: if `queued` < count, the next message is the one
 *     that broke the limit (routed, and cut with the rest), and the messages after it were never routed
 *     to it (it was gone when they came).
 */
export interface InboxVerdict {
  queued: number;
  disconnect: string | undefined;
}

export function queuedAll(run: QueuedRun): InboxVerdict {
  return { queued: run.count, disconnect: undefined };
}

/**
 * How many messages of `size` bytes can be added one by one to an inbox of `messages` / `bytes`, each while
 * the inbox is below `limit` on both measures before it is added (inbox.ts `atLimit` false). 0 when the
 * inbox is already at the limit; Infinity without a limit.
 */
export function fitBelow(limit: SizeLimit | undefined, messages: number, bytes: number, size: number): number {
  if (!limit) return Infinity;
  const byCount = limit.messages === undefined ? Infinity : limit.messages - messages;
  // Message i (from 1) is added with bytes + (i - 1) * size in the inbox, which must stay below the limit.
  const byBytes = limit.bytes === undefined ? Infinity : Math.ceil((limit.bytes - bytes) / size);
  return Math.max(0, Math.min(byCount, byBytes));
}

/**
 * How many messages of `size` bytes can be added one by one before one would take the inbox strictly past
 * `limit` (inbox.ts `overLimit`): that one is number `fitWithin(...) + 1`. Infinity without a limit.
 */
export function fitWithin(limit: SizeLimit | undefined, messages: number, bytes: number, size: number): number {
  if (!limit) return Infinity;
  const byCount = limit.messages === undefined ? Infinity : limit.messages - messages;
  const byBytes = limit.bytes === undefined ? Infinity : Math.floor((limit.bytes - bytes) / size);
  return Math.max(0, Math.min(byCount, byBytes));
}

export type InboxKind = 'block' | 'drop-newest' | 'disconnect' | 'elastic' | 'unbounded';

/** A size bound in messages and/or bytes; a missing field is no bound on that measure. */
export interface SizeLimit {
  messages?: number;
  bytes?: number;
}

/** The policy and its limits; durations in scenario ms. */
export type InboxOptions =
  /** Publishers are held back while the inbox is at `limit` (default 1024 messages). Nothing is lost. */
  | { kind: 'block'; limit?: SizeLimit }
  /** New messages are dropped while the inbox is at `limit` (default 1024 messages); drops are counted. */
  | { kind: 'drop-newest'; limit?: SizeLimit }
  /**
   * Redis's client-output-buffer-limit: disconnect at once at `hard`; disconnect when `soft` has been
   * exceeded continuously for `softForMs`. At least one limit is required.
   */
  | { kind: 'disconnect'; hard?: SizeLimit; soft?: SizeLimit; softForMs?: number }
  /**
   * The batching inbox of seeds/003: grows on demand (nothing preallocated) up to `limit`; disconnects when
   * the oldest queued message is older than `lagMs`, or at once if `limit` would be exceeded.
   */
  | { kind: 'elastic'; limit?: SizeLimit; lagMs: number }
  /** Keeps everything: memory grows without limit while the subscriber is slow. */
  | { kind: 'unbounded' };

/** True when `messages`/`bytes` reach or exceed the limit on either measure. */
export function atLimit(limit: SizeLimit | undefined, messages: number, bytes: number): boolean {
  if (!limit) return false;
  return (limit.messages !== undefined && messages >= limit.messages) || (limit.bytes !== undefined && bytes >= limit.bytes);
}

/** True when the limit is strictly exceeded on either measure. */
export function overLimit(limit: SizeLimit | undefined, messages: number, bytes: number): boolean {
  if (!limit) return false;
  return (limit.messages !== undefined && messages > limit.messages) || (limit.bytes !== undefined && bytes > limit.bytes);
}
