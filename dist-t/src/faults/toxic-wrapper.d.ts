import { type Toxic } from './toxic.js';
export type Direction = 'upstream' | 'downstream';
/** The API's view of a toxic, in Toxiproxy's JSON field order. */
export interface ToxicJson {
    attributes: Record<string, number>;
    name: string;
    type: string;
    /** As the client gave it (Toxiproxy keeps the case, e.g. `UpStream`). */
    stream: string;
    toxicity: number;
}
/** A toxic as a proxy holds it: the instance plus its name, type, stream and toxicity (Toxiproxy's ToxicWrapper). */
export declare class ToxicWrapper {
    readonly name: string;
    readonly type: string;
    readonly stream: string;
    readonly direction: Direction;
    /** A float32, as in Toxiproxy. */
    toxicity: number;
    toxic: Toxic;
    constructor(opts: {
        name: string;
        type: string;
        stream: string;
        direction: Direction;
        toxicity: number;
        toxic: Toxic;
    });
    /** Chunks that may queue in front of this toxic beyond the default. */
    get bufferSize(): number;
    toJSON(): ToxicJson;
}
