import { type Shard } from '../core/shard.js';
/** A whole number in [min, max]. Refuses `abc`, `1.5`, `1e3` written as text, and empty values. */
export declare function integerFlag(flag: string, range: {
    min: number;
    max: number;
}): (value: unknown) => number;
/** A port: 0 (any free port) to 65535. */
export declare const portFlag: (flag?: string) => ((value: unknown) => number);
/** A seed: a whole number 0 or more, as the scenario's `seed`. */
export declare const seedFlag: (flag?: string) => ((value: unknown) => number);
/** A number in the open interval (min, max), or [min, max] with `inclusive`. */
export declare function numberFlag(flag: string, range: {
    min: number;
    max: number;
    inclusive?: boolean;
    example: string;
}): (value: unknown) => number;
/** A duration in ms; a bare `0` is accepted as in scenario files (the shell hands it over as text). */
export declare function durationFlag(flag: string, options?: {
    positive?: boolean;
}): (value: unknown) => number;
/** A rate in events per second: `5/s`, `120/m`; a plain number is per second. */
export declare function rateFlag(flag: string): (value: unknown) => number;
/** A size in bytes: `64MB`, `200B`; a plain whole number is bytes. */
export declare function sizeFlag(flag: string): (value: unknown) => number;
/** Text that must not be empty (a file or folder name). */
export declare function pathFlag(flag: string): (value: unknown) => string;
/** `--shard I/N`: shard I (from 1) of N. */
export declare function shardFlag(flag?: string): (value: unknown) => Shard;
/** `--shard-count N`: how many shards, 1 to MAX_SHARDS. */
export declare const shardCountFlag: (flag?: string) => ((value: unknown) => number);
/**
 * Which shard this process runs, from (first that is given) `--shard I/N`; `--shard-count N` with the
 * index a Kubernetes Indexed Job gives each pod in JOB_COMPLETION_INDEX (from 0: pod 0 runs shard 1/N); or
 * DURESS_SHARD=I/N in the environment (a CI matrix: `DURESS_SHARD: ${{ matrix.shard }}/4`). Undefined:
 * the whole run. A count without an index, or an index out of range, is an InputError.
 */
export declare function resolveShard(flags: {
    shard?: Shard | undefined;
    shardCount?: number | undefined;
}, env: NodeJS.ProcessEnv): Shard | undefined;
