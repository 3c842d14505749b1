import { type Toxic, type ToxicStub } from '../toxic.js';
/** Passes data through unchanged. Heads every chain (hidden) so the first real toxic can be paused. */
export declare class NoopToxic implements Toxic<Record<string, never>> {
    readonly schema: {
        goName: string;
        fields: never[];
    };
    readonly attributes: {};
    pipe(stub: ToxicStub): Promise<void>;
}
