export function emptyPairCounts() {
    return { routed: 0, dropped: 0, written: 0, acked: 0, cut: 0 };
}
//# sourceMappingURL=pair-counts.js.map