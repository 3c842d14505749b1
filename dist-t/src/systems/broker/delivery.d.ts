import type { DeliveryCounts } from '../../delivery/ledger.js';
import type { SubscriberState } from './messages.js';
/** How a broker instance's figures are read: still running, stopped at the end of the cell, or failed. */
export type GenerationEnd = 'running' | 'stopped' | 'failed';
/**
 * A broker instance's delivery in the ledger's terms, summed over its subscribing clients and publishers:
 *   generated      - copies owed: each message published, once per subscriber subscribed at the time;
 *   delivered      - first deliveries; duplicated and reordered per publisher on top;
 *   dropped        - declared: refused by the inbox policy, or cut off with a disconnected subscriber;
 *   undrained      - on the way to a connected subscriber when the instance was stopped;
 *   lostInFailures - on the way when the instance failed;
 *   lost           - holes in a subscriber's sequence that no declared drop explains (silent loss).
 * While the instance runs, what is on the way is none of these yet.
 */
export declare function brokerDelivery(subscribers: readonly SubscriberState[], end: GenerationEnd): DeliveryCounts;
export declare function emptyDeliveryCounts(): DeliveryCounts;
export declare function addDeliveryCounts(a: DeliveryCounts, b: DeliveryCounts): DeliveryCounts;
