import { finiteOrNull, mb, Watch } from '../watch.js';
/** Heartbeats in a row with the resident set over the limit that make a memory failure (a spike of one sample is not). */
const RSS_OVER_LIMIT_SAMPLES = 2;
/**
 * The watchdog's judge of a real program:
 *   - crash: it ended by itself (any exit code or signal: it was not asked to), or it never opened its
 *     input within startTimeout; the last lines of its stderr are the evidence;
 *   - memory: its resident set (what a container's memory limit counts) over `failures.memoryLimit` on
 *     RSS_OVER_LIMIT_SAMPLES heartbeats in a row;
 *   - hang: records taken by it and not delivered, or waiting for it to take them, and nothing of it
 *     delivered for the hang window (counted from when it last delivered, or when records started
 *     waiting, whichever is later), or no heartbeat from its worker for the window.
 */
export class ProcessWatch extends Watch {
    #overLimit = 0;
    #lastSample;
    /** Scenario ms since which records have been waiting (taken and undelivered, or owed); NaN while none. */
    #pendingSince = Number.NaN;
    /** `counts`: the instance's delivery counts (without them, as SinkWriterCell would call it, nothing is waiting). */
    check(now, hb, lastDeliveryAt, frozen, counts) {
        if (hb?.exited) {
            const { code, signal, stderr } = hb.exited;
            return { mode: 'crash', evidence: { reason: `the program ended by itself (${signal !== null ? `signal ${signal}` : `exit code ${code}`})`, exitCode: code, signal, stderr } };
        }
        if (hb?.startProblem)
            return { mode: 'crash', evidence: { reason: hb.startProblem.reason, stderr: hb.startProblem.stderr } };
        const memory = hb && this.#overMemory(hb);
        if (memory)
            return { mode: 'memory', evidence: memory };
        const pending = hb && counts ? Math.max(hb.generated, counts.generated) - counts.delivered - counts.dropped : 0;
        const waiting = pending > 0 || (hb?.owed ?? 0) > 0;
        if (!waiting)
            this.#pendingSince = Number.NaN;
        else if (Number.isNaN(this.#pendingSince))
            this.#pendingSince = now;
        if (frozen)
            return undefined;
        const since = Math.max(this.sinceStart(lastDeliveryAt), Number.isNaN(this.#pendingSince) ? now : this.#pendingSince);
        if (now - since <= this.hangWindow)
            return undefined;
        const unresponsive = this.unresponsive(now, lastDeliveryAt);
        if (unresponsive)
            return unresponsive;
        if (!hb || !waiting)
            return undefined;
        return {
            mode: 'hang',
            evidence: {
                reason: hb.owed > 0 && pending <= 0 ? 'records waiting for the program to take them, and none delivered for the hang window' : 'records taken by the program and none delivered for the hang window',
                taken: hb.generated,
                delivered: counts?.delivered ?? 0,
                undelivered: Math.max(0, pending),
                owed: hb.owed,
                inputBlockedMs: hb.blockedMs,
                lastDeliveryAt: finiteOrNull(lastDeliveryAt),
                quietForMs: now - since,
                rss: finiteOrNull(hb.rss),
            },
        };
    }
    #overMemory(hb) {
        if (this.memoryLimit <= 0 || hb === this.#lastSample || !Number.isFinite(hb.rss))
            return undefined;
        this.#lastSample = hb;
        this.#overLimit = hb.rss > this.memoryLimit ? this.#overLimit + 1 : 0;
        if (this.#overLimit < RSS_OVER_LIMIT_SAMPLES)
            return undefined;
        return { reason: `resident set ${mb(hb.rss)} over the limit of ${mb(this.memoryLimit)} on ${this.#overLimit} heartbeats in a row`, rss: hb.rss, limit: this.memoryLimit };
    }
}
//# sourceMappingURL=watch.js.map