import { createHash } from 'node:crypto';
/** The rule above in one sentence, for results and reports. */
export const SHARD_RULE = 'Shards divide instance slots, not cells: every slot of every cell is dealt round robin (slot 0 of each cell, then slot 1 …), ' +
    'so shares differ by one slot at most (whole cells when the cells are a multiple of the shards); each slot keeps its ' +
    'index, instance ids and seeds, and faces the cell\'s whole fault timeline.';
/** Most shards a run may be split into: more than the slots of a big matrix (256 cells × 1000 instances) is never needed. */
export const MAX_SHARDS = 10_000;
/** `I/N` (1 ≤ I ≤ N), or a sentence saying what is wrong with the text. */
export function parseShard(text) {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
    if (!m)
        return `expected I/N, e.g. 1/4 for the first of 4 shards, got ${JSON.stringify(text)}`;
    const index = Number(m[1]);
    const count = Number(m[2]);
    if (count < 1 || count > MAX_SHARDS)
        return `expected a shard count from 1 to ${MAX_SHARDS}, got ${JSON.stringify(text)}`;
    if (index < 1 || index > count)
        return `expected I from 1 to ${count} (shards count from 1: 1/${count} is the first), got ${JSON.stringify(text)}`;
    return { index, count };
}
/**
 * The instance slots of each cell that `shard` runs (by the rule above), for cells of `instances[c]` slots
 * each; every slot when there is no shard.
 */
export function dealSlots(instances, shard) {
    const mine = instances.map(() => []);
    let unit = 0;
    const most = Math.max(0, ...instances);
    for (let slot = 0; slot < most; slot++) {
        instances.forEach((n, cell) => {
            if (slot >= n)
                return;
            if (shard === undefined || unit % shard.count === shard.index - 1)
                mine[cell].push(slot);
            unit += 1;
        });
    }
    return mine;
}
/**
 * A content hash of a JSON-like value: SHA-256 of its JSON with object keys sorted, so the same scenario
 * gives the same hash on every machine whatever the order its keys were written in.
 */
export function contentHash(value) {
    // Through JSON first, so the hash is that of what a journal holds (undefined dropped, Infinity as null).
    return createHash('sha256').update(canonicalJson(JSON.parse(JSON.stringify(value ?? null)))).digest('hex');
}
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value)
            .filter(([, v]) => v !== undefined && typeof v !== 'function')
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    return JSON.stringify(value) ?? 'null';
}
//# sourceMappingURL=shard.js.map