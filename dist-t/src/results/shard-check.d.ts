import type { JournalEvent, RunStartEvent } from '../journal/events.js';
/** One shard's run, as `duress merge` reads it: where it came from (for messages) and its journal. */
export interface ShardJournal {
    /** The folder as the user named it, for messages. */
    source: string;
    events: readonly JournalEvent[];
}
/** A shard's run checked: its run-start, and its shard index. */
export interface CheckedShard extends ShardJournal {
    start: RunStartEvent;
    index: number;
}
/** The shards of one run, in shard order, and which of the run's shards are not among them. */
export interface ShardSet {
    shards: CheckedShard[];
    count: number;
    missing: number[];
}
/**
 * Checks that the journals are shards of one run, each once: every one a shard's run (`duress run --shard`),
 * of the same scenario (the same content hash, hence the same seed), split into as many shards, run by the
 * same duress version, and no shard given twice. Shards missing are refused unless `allowPartial`. Each
 * refusal is one InputError line (exit 2) naming the folders concerned.
 */
export declare function checkShards(journals: readonly ShardJournal[], options: {
    allowPartial: boolean;
}): ShardSet;
