import { DuressError } from '../../core/errors.js';
/**
 * An error with a Toxiproxy HTTP status. The API server sends it as `{"error":"<message>","status":<status>}\n`
 * (text/plain, through Go's http.Error); programmatic callers of the proxy collection get it thrown.
 */
export declare class ToxiproxyApiError extends DuressError {
    readonly status: number;
    constructor(message: string, status: number);
}
/** Toxiproxy's error catalogue (api.go), message for message. */
export declare const ApiErrors: {
    readonly proxyNotFound: () => ToxiproxyApiError;
    readonly proxyAlreadyExists: () => ToxiproxyApiError;
    readonly invalidStream: () => ToxiproxyApiError;
    readonly invalidToxicType: () => ToxiproxyApiError;
    readonly toxicAlreadyExists: () => ToxiproxyApiError;
    readonly toxicNotFound: () => ToxiproxyApiError;
    /** `detail` is Go's decoder error, e.g. `invalid character 'o' in literal null (expecting 'u')`. */
    readonly badRequestBody: (detail: string) => ToxiproxyApiError;
    /** `field` is e.g. `name`, or `upstream at proxy 2` for populate. */
    readonly missingField: (field: string) => ToxiproxyApiError;
    /** Anything else (a listen failure…): 500 with the Go error text. */
    readonly internal: (message: string) => ToxiproxyApiError;
};
/** Any thrown value as a ToxiproxyApiError (unknown errors become 500 with their message). */
export declare function toApiError(err: unknown): ToxiproxyApiError;
