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
export function brokerDelivery(subscribers, end) {
    const c = emptyDeliveryCounts();
    for (const s of subscribers) {
        c.generated += s.expected;
        c.delivered += s.delivered;
        c.duplicated += s.duplicates;
        c.duplicateCopies += s.duplicates;
        c.reordered += s.reordered;
        c.dropped += s.dropped + s.cut;
        if (end === 'stopped')
            c.undrained += s.inTransit;
        else if (end === 'failed')
            c.lostInFailures += s.inTransit;
        c.lost += s.lost;
    }
    return c;
}
export function emptyDeliveryCounts() {
    return { generated: 0, delivered: 0, duplicated: 0, duplicateCopies: 0, reordered: 0, dropped: 0, droppedButDelivered: 0, undrained: 0, lostInFailures: 0, lost: 0, foreign: 0 };
}
export function addDeliveryCounts(a, b) {
    const out = { ...a };
    for (const k of Object.keys(out))
        out[k] += b[k];
    return out;
}
//# sourceMappingURL=delivery.js.map