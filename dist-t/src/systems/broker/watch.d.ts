import { Watch, type Verdict } from '../watch.js';
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
export declare class BrokerWatch extends Watch {
    check(now: number, hb: BrokerHeartbeat | undefined, frozen: boolean): Verdict | undefined;
}
