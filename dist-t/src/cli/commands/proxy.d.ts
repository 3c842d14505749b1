import type { JValue } from '../../faults/go-json.js';
interface ProxyArgs {
    host: string;
    port: number;
    config?: string;
    seed?: number;
    'version-string'?: string;
    'proxy-metrics': boolean;
    'runtime-metrics': boolean;
}
interface ProxyPlan {
    host: string;
    port: number;
    seed: number;
    version: string | undefined;
    metrics: {
        proxy: boolean;
        runtime: boolean;
    };
    /** The --config file as given, and its JSON. */
    config: {
        name: string;
        body: JValue;
    } | undefined;
}
export declare const proxyCommand: import("../command.js").DuressCommand<ProxyArgs, ProxyPlan>;
export {};
