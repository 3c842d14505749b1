import type { DeliveryCounts } from '../../delivery/ledger.js';
import { finiteOrNull, mb, Watch, type Verdict } from '../watch.js';
import type { ProcessHeartbeat } from './messages.js';

/** Heartbeats in a row with the resident set over the limit that make a memory failure (a spike of one sample is not). */
const RSS_OVER_LIMIT_SAMPLES = 2;

/**
 * The watchdog's judge of a real program:
 *   - crash: it ended by itself (any exit code or signal: it was not asked to), or it never opened its
 *     input within startTimeout; the last lines of its stderr are the evidence;
 *   - memory: its resident set (what a container's memory limit counts) over `failures.memoryLimit` on
 *     RSS_OVER_LIMIT_SAMPLES heartbeats in a row;
 *   - hang: records waiting on the program and nothing of it delivered for the hang window (counted from
 *     when it last delivered, or when records started waiting, whichever is later), or no heartbeat from
 *     its worker for the window. Waiting are records owed to its input (it blocks or refuses them) and its
 *     undelivered tail: records it took after the newest one it delivered. Records missing behind that
 *     newest one (gaps) are not waiting: the program went on past them (a queue that overflowed and
 *     dropped them, as syslog-ng's memory queue does without a word). They are judged after the drain, as
 *     loss if they never came, not as a hang: a program idle with nothing to do is not stuck.
 *     The evidence says whether its route held a request the sink had not answered, and for how long (the
 *     route's in-flight view): a program waiting on its sink, or one that sends nothing at all.
 */
export class ProcessWatch extends Watch {
  #overLimit = 0;
  #lastSample: ProcessHeartbeat | undefined;
  /** Scenario ms since which records have been waiting (the undelivered tail, or owed); NaN while none. */
  #pendingSince = Number.NaN;

  /**
   * `counts`: the instance's delivery counts, `highestDelivered` the highest seq of it delivered (-1: none).
   * Without counts (as SinkWriterCell would call it), nothing is waiting. `unansweredSince`: the route's
   * in-flight view (RouteView.awaitingAnswerSince), evidence only.
   */
  check(now: number, hb: ProcessHeartbeat | undefined, lastDeliveryAt: number, frozen: boolean, counts?: DeliveryCounts, highestDelivered = -1, unansweredSince?: number | null): Verdict | undefined {
    if (hb?.exited) {
      const { code, signal, stderr } = hb.exited;
      return { mode: 'crash', evidence: { reason: `the program ended by itself (${signal !== null ? `signal ${signal}` : `exit code ${code}`})`, exitCode: code, signal, stderr } };
    }
    if (hb?.startProblem) return { mode: 'crash', evidence: { reason: hb.startProblem.reason, stderr: hb.startProblem.stderr } };
    const memory = hb && this.#overMemory(hb);
    if (memory) return { mode: 'memory', evidence: memory };
    const taken = hb && counts ? Math.max(hb.generated, counts.generated) : 0;
    const undelivered = hb && counts ? Math.max(0, taken - counts.delivered - counts.dropped) : 0;
    const tail = Math.min(undelivered, Math.max(0, taken - 1 - highestDelivered));
    const waiting = tail > 0 || (hb?.owed ?? 0) > 0;
    if (!waiting) this.#pendingSince = Number.NaN;
    else if (Number.isNaN(this.#pendingSince)) this.#pendingSince = now;
    if (frozen) return undefined;
    const since = Math.max(this.sinceStart(lastDeliveryAt), Number.isNaN(this.#pendingSince) ? now : this.#pendingSince);
    if (now - since <= this.hangWindow) return undefined;
    const unresponsive = this.unresponsive(now, lastDeliveryAt);
    if (unresponsive) return unresponsive;
    if (!hb || !waiting) return undefined;
    return {
      mode: 'hang',
      evidence: {
        reason:
          (tail === 0 ? 'records waiting for the program to take them, and none delivered for the hang window' : 'records taken by the program after the last one it delivered, and none delivered for the hang window') +
          (typeof unansweredSince === 'number' ? `; a request to the sink unanswered for ${((now - unansweredSince) / 1000).toFixed(1)} s` : unansweredSince === null ? '; no request to the sink in flight' : ''),
        taken: hb.generated,
        delivered: counts?.delivered ?? 0,
        undelivered,
        takenAfterLastDelivered: tail,
        owed: hb.owed,
        inputBlockedMs: hb.blockedMs,
        lastDeliveryAt: finiteOrNull(lastDeliveryAt),
        quietForMs: now - since,
        // The route's in-flight view: ms its oldest unanswered request has waited, 0 for none, null where the fault layer cannot tell.
        requestUnansweredForMs: typeof unansweredSince === 'number' ? now - unansweredSince : unansweredSince === null ? 0 : null,
        rss: finiteOrNull(hb.rss),
      },
    };
  }

  #overMemory(hb: ProcessHeartbeat): Record<string, unknown> | undefined {
    if (this.memoryLimit <= 0 || hb === this.#lastSample || !Number.isFinite(hb.rss)) return undefined;
    this.#lastSample = hb;
    this.#overLimit = hb.rss > this.memoryLimit ? this.#overLimit + 1 : 0;
    if (this.#overLimit < RSS_OVER_LIMIT_SAMPLES) return undefined;
    return { reason: `resident set ${mb(hb.rss)} over the limit of ${mb(this.memoryLimit)} on ${this.#overLimit} heartbeats in a row`, rss: hb.rss, limit: this.memoryLimit };
  }
}
