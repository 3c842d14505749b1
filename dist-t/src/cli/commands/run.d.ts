import type { LoadedScenario } from '../../api/scenario.js';
import type { Shard } from '../../core/shard.js';
interface RunArgs {
    file: string;
    duration?: number;
    instances?: number;
    seed?: number;
    out?: string;
    set?: string[];
    only?: string[];
    toxiproxy?: string;
    'metrics-port'?: number;
    shard?: Shard;
    'shard-count'?: number;
}
interface RunPlan {
    /** The scenario, its cells and its capacity warnings. */
    loaded: LoadedScenario;
    dir: string;
    toxiproxyUrl: string | undefined;
    /** Port to serve the run's Prometheus metrics on (127.0.0.1; 0: any free port), if asked. */
    metricsPort: number | undefined;
    /** This process's share of the run, when it is one of several shards. */
    shard: Shard | undefined;
}
export declare const runCommand: import("../command.js").DuressCommand<RunArgs, RunPlan>;
export {};
