import { type JValue } from './go-json.js';
import type { Link } from './link.js';
import { ToxicWrapper, type Direction } from './toxic-wrapper.js';
import './toxics/index.js';
/** A toxic to add, as the API takes it. Only `type` is required. */
export interface ToxicInput {
    type: string;
    /** Default `<type>_<stream>`. Unique across both directions of a proxy. */
    name?: string;
    /** `upstream` (client → server) or `downstream` (server → client, the default); any case. */
    stream?: string;
    /** Probability that the toxic applies to a connection direction, rolled per run. Default 1. */
    toxicity?: number;
    /** Integer attributes by wire name; unknown keys are ignored. */
    attributes?: Record<string, unknown>;
}
/** A change to a toxic: attributes merge into the current ones; toxicity stays if omitted. */
export interface ToxicUpdate {
    attributes?: Record<string, unknown>;
    toxicity?: number;
}
/**
 * A proxy's toxics: one chain per direction (a hidden noop heads each chain inside every link) and the live
 * links they apply to. Changes reach every existing connection of the direction, as in Toxiproxy's
 * ToxicCollection; changes are serialised, and each waits until every link has taken it.
 */
export declare class ToxicCollection {
    #private;
    /** Every toxic, upstream chain first, then downstream, each in the order added. */
    list(): ToxicWrapper[];
    get(name: string): ToxicWrapper | undefined;
    /** The direction's chain, for a link that starts now. */
    chain(direction: Direction): readonly ToxicWrapper[];
    addLink(link: Link): void;
    removeLink(link: Link): void;
    add(input: ToxicInput): Promise<ToxicWrapper>;
    /** Toxiproxy's AddToxicJson: decode, check stream, name, type and uniqueness, then attributes. */
    addJson(body: JValue): Promise<ToxicWrapper>;
    update(name: string, input: ToxicUpdate): Promise<ToxicWrapper>;
    /** Toxiproxy's UpdateToxicJson: only `attributes` (merged) and `toxicity` are read. */
    updateJson(name: string, body: JValue): Promise<ToxicWrapper>;
    remove(name: string): Promise<void>;
    /** Removes every toxic (POST /reset). */
    reset(): Promise<void>;
}
