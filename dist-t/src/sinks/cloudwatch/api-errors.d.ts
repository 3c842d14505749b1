/**
 * CloudWatch Logs errors as the service sends them: an HTTP status and a JSON body
 * `{"__type":"...","message":"..."}`, plus extra members for some types (`expectedSequenceToken`).
 */
export declare class ApiError {
    readonly status: number;
    readonly type: string;
    /** The complete response body. */
    readonly body: string;
    constructor(status: number, type: string, body: string);
}
/**
 * Byte for byte what the service sends when a quota is exceeded: 58 bytes, the `content-length 58` seen on
 * the wire (domain.md §3). Built once; it is the answer to every throttled request.
 */
export declare const THROTTLED: ApiError;
export declare const invalidParameter: (message: string) => ApiError;
/** A required member is absent, worded as the service's request validation words it. */
export declare const missingMember: (member: string) => ApiError;
export declare const serialization: (message: string) => ApiError;
export declare const unknownOperation: (message: string) => ApiError;
/** The mock's own answer to a body over its per-request maximum (limits.ts): the service documents no HTTP body limit. */
export declare const tooLarge: (limit: number) => ApiError;
export declare const groupNotFound: () => ApiError;
export declare const streamNotFound: () => ApiError;
export declare const groupExists: () => ApiError;
export declare const streamExists: () => ApiError;
/** `expected` is undefined on a stream that has had no put yet; the service then says `null`. */
export declare const invalidSequenceToken: (expected: string | undefined) => ApiError;
export declare const dataAlreadyAccepted: (expected: string) => ApiError;
/** An injected server-side failure (sink fault `error` or `duplicate`). The service documents 500 for this type. */
export declare const serviceUnavailable: (status: number) => ApiError;
export declare const internalFailure: () => ApiError;
