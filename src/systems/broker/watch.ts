import { finiteOrNull, mb, Watch, type Verdict } from '../watch.js';
import type { SlotState } from './framed-connection.js';
import type { BrokerHeartbeat } from './messages.js';

/**
 * Watches one broker instance and declares it failed when it is stuck (a hang) or too big (memory).
 * Crashes are reported by its isolation, not judged here.
 *
 * A hang: for the whole hang window no message was delivered to any subscriber while publishers kept
 * trying (they owe messages they cannot hand over), or the instance sent no heartbeat at all (its thread
 * is blocked) while no `pause` fault holds it. A broker with nothing to deliver (input stopped, every
 * subscriber gone) is idle, not hung. The evidence names the stuck connections: in sync-ack mode the
 * endpoints holding slots (both sides of a lock-up), otherwise the subscribers the broker holds messages for.
 *
 * Memory: live memory (heap after a full collection plus external memory: message buffers live outside
 * the V8 heap) over the limit for full collections in a row, as Watch judges it.
 */
export class BrokerWatch extends Watch {
  /** Heartbeats in a row that found a real server's resident set over the limit, and the last one judged. */
  #rssOverLimit = 0;
  #rssJudged: BrokerHeartbeat | undefined;

  check(now: number, hb: BrokerHeartbeat | undefined, frozen: boolean): Verdict | undefined {
    const memory = hb && (hb.serverRss === undefined ? this.overMemory(hb) : this.#serverOverMemory(hb, hb.serverRss));
    if (hb && memory) {
      const c = hb.counters;
      return {
        mode: 'memory',
        evidence: {
          ...memory,
          reason: `${String(memory.reason)}: the broker holds ${mb(c.queuedBytes ?? 0)} (${c.queuedMessages ?? 0} messages) for its subscribers`,
          queuedBytes: c.queuedBytes ?? 0,
          queuedMessages: c.queuedMessages ?? 0,
          deepestQueueBytes: c.deepestQueueBytes ?? 0,
        },
      };
    }
    const lastDeliveryAt = hb?.lastDeliveryAt ?? Number.NaN;
    const lastDelivery = this.sinceStart(lastDeliveryAt);
    if (now - lastDelivery <= this.hangWindow || frozen) return undefined;
    const unresponsive = this.unresponsive(now, lastDeliveryAt);
    if (unresponsive) return unresponsive;
    if (!hb || hb.publisherBacklog === 0) return undefined;
    const stuck = stuckConnections(hb);
    return {
      mode: 'hang',
      evidence: {
        reason: `stuck: nothing delivered to any subscriber for ${Math.round((now - lastDelivery) / 1000)} s while publishers owe ${hb.publisherBacklog} messages; stuck connections: ${stuck.map((s) => s.text).join(', ') || 'none named'}`,
        stuckConnections: stuck.map((s) => s.name),
        slots: hb.slots,
        publisherBacklog: hb.publisherBacklog,
        queuedMessages: hb.counters.queuedMessages ?? 0,
        lastDeliveryAt: finiteOrNull(lastDeliveryAt),
        stuckForMs: now - lastDelivery,
      },
    };
  }

  /**
   * A real broker server (servers/) is a process of its own: its resident set (/proc) is judged as a
   * container's memory limit judges it, over the limit in RSS_OVER_LIMIT_SAMPLES heartbeats in a row.
   */
  #serverOverMemory(hb: BrokerHeartbeat, rss: number): Record<string, unknown> | undefined {
    // Checked every 50 ms: each heartbeat counts once.
    if (this.memoryLimit <= 0 || hb === this.#rssJudged) return undefined;
    this.#rssJudged = hb;
    this.#rssOverLimit = rss > this.memoryLimit ? this.#rssOverLimit + 1 : 0;
    if (this.#rssOverLimit < RSS_OVER_LIMIT_SAMPLES) return undefined;
    return { reason: `the broker server's resident set ${mb(rss)} over the limit of ${mb(this.memoryLimit)} in ${this.#rssOverLimit} heartbeats in a row`, serverRss: rss, limit: this.memoryLimit };
  }
}

/** Heartbeats in a row a real server's resident set must be over the limit to fail on memory. */
const RSS_OVER_LIMIT_SAMPLES = 2;

/** The connections a hang is stuck on, most stuck first, each with what shows it. */
function stuckConnections(hb: BrokerHeartbeat): { name: string; text: string }[] {
  const held = hb.slots.filter((s) => s.send.used > 0 || s.recv.used > 0 || s.readBlocked || s.sendBlocked);
  if (held.length > 0) return [...held].sort((a, b) => b.oldestWaitMs - a.oldestWaitMs).map((s) => ({ name: s.connection, text: `${s.connection} (${describeSlots(s)})` }));
  return hb.subscribers
    .filter((s) => s.connected && s.queued > 0)
    .sort((a, b) => b.queued - a.queued)
    .map((s) => ({ name: s.id, text: `${s.id} (${s.queued} messages held for it)` }));
}

function describeSlots(s: SlotState): string {
  const parts = [`send ${s.send.used}/${s.send.total}`, `recv ${s.recv.used}/${s.recv.total}`];
  if (s.readBlocked) parts.push('reading stopped');
  if (s.sendBlocked) parts.push('waiting to send');
  parts.push(`oldest slot held ${Math.round(s.oldestWaitMs)} ms`);
  return parts.join(', ');
}

