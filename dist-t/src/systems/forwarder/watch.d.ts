import { Watch, type Verdict } from '../watch.js';
import type { Heartbeat } from './messages.js';
/**
 * Watches one instance and declares it failed when it is stuck (a hang) or too big (memory). Crashes
 * are not judged here: the instance's death is reported by its isolation.
 *
 * A hang (domain.md §5, firelens-datajet): input keeps arriving but nothing is delivered for the hang
 * window. Read strictly, a forwarder waiting out a long retry backoff during an outage would be "hung"
 * too, so the rule here asks for proof of being stuck: for the whole window, no record of this instance
 * was delivered AND either an output request is in flight and none has ended (stuck in a call: a read
 * with no timeout, a DNS lookup with no deadline), or the instance sent no heartbeat at all (its thread
 * is blocked) while no `pause` fault holds it.
 */
export declare class InstanceWatch extends Watch {
    /**
     * `lastDeliveryAt`: scenario epoch ms of this instance's last first-delivery (NaN if none).
     * `frozen`: a pause fault holds the instance now.
     */
    check(now: number, hb: Heartbeat | undefined, lastDeliveryAt: number, frozen: boolean): Verdict | undefined;
}
