import type { ToxicInput } from './toxic-collection.js';
import './toxics/index.js';
/**
 * A toxic written as one short line, for the command line (`duress load --fault 'latency 100ms'`), read
 * through the registered toxic kinds, so every toxic a scenario may name (a user's own included) can be
 * written here too:
 *
 *   fault   ::= kind [ amount ] { option }
 *   amount  ::= the value of the kind's first parameter (latency: the latency; bandwidth: the rate;
 *               slow_close: the delay; limit_data: the bytes; ...), written as in a scenario file
 *   option  ::= parameter value              ; any parameter of the kind by its scenario name: jitter 10ms
 *             | "toxicity" ( number | number "%" )   ; the share of connections affected, 0..1
 *             | "upstream" | "downstream"    ; the direction (default downstream, as in Toxiproxy)
 *
 * Values use the units of scenario files (core/units.ts) and the kind's own schema checks them; the
 * result is what ProxyCollection/Proxy.addToxic take, in Toxiproxy's wire units (ms, KB/s, bytes).
 */
export declare class ToxicTextError extends Error {
}
export declare function parseToxicText(text: string): ToxicInput;
