import type { Proxy, ProxyJson } from '../proxy.js';
import type { ToxicJson } from '../toxic-wrapper.js';
/** Toxiproxy's JSON, byte for byte as Go's json.Marshal writes it (no trailing newline). */
export declare function renderToxic(t: ToxicJson): string;
export declare function renderToxics(list: readonly ToxicJson[]): string;
export declare function renderProxy(p: ProxyJson): string;
/** GET /proxies: a JSON object keyed by name; Go sorts map keys. */
export declare function renderProxyMap(proxies: readonly Proxy[]): string;
/** `{"error","status"}` for http.Error (the caller adds the newline). */
export declare function renderError(message: string, status: number): string;
/** POST /populate: `{"proxies":[…]}`, or with `error` and `status` first; an empty list is `null`, as Go's nil slice. */
export declare function renderPopulate(proxies: readonly ProxyJson[], error?: {
    message: string;
    status: number;
}): string;
