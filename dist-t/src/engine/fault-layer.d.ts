import { Toxiproxy, type Proxy } from 'toxiproxy-node-client';
import type { Clock } from '../core/clock.js';
/**
 * Where duress's network faults are driven: the embedded Toxiproxy-compatible server (the default, on
 * loopback, timing toxics on the scenario clock) or a real Toxiproxy server given by URL (which times
 * them in wall time, so toxic durations are sent scaled by the clock speed). Either way duress talks to
 * it through toxiproxy-node-client, as any Toxiproxy user would.
 */
export declare class FaultLayer {
    #private;
    readonly client: Toxiproxy;
    /** Divides scenario durations of toxic attributes: 1 for the embedded server, the clock speed for a real one. */
    readonly toxicSpeed: number;
    private constructor();
    static start(options: {
        clock: Clock;
        seed: number;
        url?: string | undefined;
    }): Promise<FaultLayer>;
    /**
     * A proxy route on loopback to `upstream` (host:port), listening on `listen` (127.0.0.1 on a free port
     * by default); resolves with the route and its real port.
     */
    route(name: string, upstream: string, listen?: string): Promise<{
        proxy: Proxy;
        port: number;
    }>;
    stop(): Promise<void>;
}
