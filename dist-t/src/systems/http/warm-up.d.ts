/**
 * Warms a fresh thread's HTTP client path up before a run, against a server of its own on 127.0.0.1: the
 * target sees no warm-up request.
 *
 * Why: in a new thread, the first second of requests runs through cold code (undici's JavaScript before
 * V8 optimises it, its llhttp WebAssembly parser before it is tiered up). Measured on this project's 2-core
 * machine, a 4 s open-model run at 2000/s from a fresh thread had a corrected p90 of 27 ms; the same run
 * again in the same thread, 1.7 ms. Every run of runLoad starts new worker threads, so without this every
 * run would measure duress's own warm-up as the target's latency.
 */
export declare function warmUpHttpClient(options?: {
    requests: number;
    maxMs: number;
}): Promise<void>;
