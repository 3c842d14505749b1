/**
 * A share of a run, for machines that each run a copy of the same command (a CI matrix, a Kubernetes
 * Indexed Job): shard `index` of `count`, counted from 1 as Playwright's and Jest's `--shard 1/4` are.
 *
 * How the work is divided: every instance slot of every cell is one unit, and the units are dealt round
 * robin, slot by slot across the cells (slot 0 of cell 0, slot 0 of cell 1, …, then slot 1 of each cell …),
 * so every shard gets the same number of slots, give or take one, whatever the cells and instances. When the
 * number of cells is a multiple of the number of shards, this gives each shard whole cells. A slot keeps its
 * index, its instances' ids and their seeds in whichever shard runs it, and every shard plays the cell's
 * whole fault timeline on its own slots, so the union of the shards is the whole run.
 */
export interface Shard {
    /** 1 … count. */
    index: number;
    count: number;
}
/** The rule above in one sentence, for results and reports. */
export declare const SHARD_RULE: string;
/** Most shards a run may be split into: more than the slots of a big matrix (256 cells × 1000 instances) is never needed. */
export declare const MAX_SHARDS = 10000;
/** `I/N` (1 ≤ I ≤ N), or a sentence saying what is wrong with the text. */
export declare function parseShard(text: string): Shard | string;
/**
 * The instance slots of each cell that `shard` runs (by the rule above), for cells of `instances[c]` slots
 * each; every slot when there is no shard.
 */
export declare function dealSlots(instances: readonly number[], shard: Shard | undefined): number[][];
/**
 * A content hash of a JSON-like value: SHA-256 of its JSON with object keys sorted, so the same scenario
 * gives the same hash on every machine whatever the order its keys were written in.
 */
export declare function contentHash(value: unknown): string;
