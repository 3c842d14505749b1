/** Polls `cond` every 5 ms until it holds; throws after `timeoutMs` naming what was awaited. */
export declare function waitFor(cond: () => boolean, timeoutMs: number, what: string): Promise<void>;
/** The `code` of the error a promise rejects with, or `resolved`. */
export declare function errorCode(promise: Promise<unknown>): Promise<string>;
