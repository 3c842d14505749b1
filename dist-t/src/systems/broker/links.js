/**
 * A broker instance's links, one proxy route per subscribing client: `subscriber-<j>` then `peer-<k>`, in
 * the order the broker instance connects them.
 */
export function brokerLinks(b) {
    return [...Array.from({ length: b.subscribers }, (_, j) => `subscriber-${j}`), ...Array.from({ length: b.peers }, (_, k) => `peer-${k}`)];
}
//# sourceMappingURL=links.js.map