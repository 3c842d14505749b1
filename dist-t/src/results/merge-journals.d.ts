import type { JournalEvent } from '../journal/events.js';
import type { ShardSet } from './shard-check.js';
/**
 * The journal of the whole run, from the journals of its shards (checked by checkShards): what `duress
 * merge` writes, and what results and reports are then built from, exactly as for a run on one machine.
 *
 * - Each instance's events (starts, ends, failures) are kept as they are: a slot runs in one shard only, so
 *   exposure and failures add up, and every failure keeps its evidence and the faults active on it.
 * - A fault occurrence is one event however many shards played it, on the union of their slots.
 * - Intervals line up by position (merge-intervals.ts): counts add, histograms merge without loss.
 * - A cell's end adds the shards' final delivery counts and request outcomes; it is there only when every
 *   shard that ran the cell ended it (otherwise, as for a journal cut off, its loss is not judged).
 * - The run ends when every shard's run ended; its wall time is the longest shard's.
 */
export declare function mergeShardJournals(set: ShardSet): JournalEvent[];
