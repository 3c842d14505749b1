import type { ShardSet } from '../../results/shard-check.js';
interface MergeArgs {
    dirs: string[];
    out: string;
    'allow-partial': boolean;
}
interface MergePlan {
    set: ShardSet;
    out: string;
}
export declare const mergeCommand: import("../command.js").DuressCommand<MergeArgs, MergePlan>;
export {};
