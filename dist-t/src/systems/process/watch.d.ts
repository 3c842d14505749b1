import type { DeliveryCounts } from '../../delivery/ledger.js';
import { Watch, type Verdict } from '../watch.js';
import type { ProcessHeartbeat } from './messages.js';
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
export declare class ProcessWatch extends Watch {
    #private;
    /** `counts`: the instance's delivery counts (without them, as SinkWriterCell would call it, nothing is waiting). */
    check(now: number, hb: ProcessHeartbeat | undefined, lastDeliveryAt: number, frozen: boolean, counts?: DeliveryCounts): Verdict | undefined;
}
