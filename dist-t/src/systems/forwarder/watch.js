import { finiteOrNull, Watch } from '../watch.js';
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
export class InstanceWatch extends Watch {
    /**
     * `lastDeliveryAt`: scenario epoch ms of this instance's last first-delivery (NaN if none).
     * `frozen`: a pause fault holds the instance now.
     */
    check(now, hb, lastDeliveryAt, frozen) {
        const memory = hb && this.overMemory(hb);
        if (hb && memory)
            return { mode: 'memory', evidence: { ...memory, heldBytes: hb.heldBytes } };
        if (now - this.sinceStart(lastDeliveryAt) <= this.hangWindow || frozen)
            return undefined;
        const unresponsive = this.unresponsive(now, lastDeliveryAt);
        if (unresponsive)
            return unresponsive;
        if (!hb || hb.inFlight === 0)
            return undefined;
        const lastOutput = this.sinceStart(hb.lastOutputAt);
        if (now - lastOutput <= this.hangWindow)
            return undefined;
        return {
            mode: 'hang',
            evidence: {
                reason: 'stuck: an output request in flight and none ended for the hang window',
                inFlight: hb.inFlight,
                lastOutputAt: finiteOrNull(hb.lastOutputAt),
                lastDeliveryAt: finiteOrNull(lastDeliveryAt),
                stuckForMs: now - lastOutput,
                heldBytes: hb.heldBytes,
                inputScheduled: hb.due,
            },
        };
    }
}
//# sourceMappingURL=watch.js.map