import { DuressError, ExitCode } from '../../core/errors.js';
/**
 * An error with a Toxiproxy HTTP status. The API server sends it as `{"error":"<message>","status":<status>}\n`
 * (text/plain, through Go's http.Error); programmatic callers of the proxy collection get it thrown.
 */
export class ToxiproxyApiError extends DuressError {
    status;
    constructor(message, status) {
        super(`TOXIPROXY_${status}`, message, { exitCode: status >= 500 ? ExitCode.internal : ExitCode.badInput });
        this.name = 'ToxiproxyApiError';
        this.status = status;
    }
}
/** Toxiproxy's error catalogue (api.go), message for message. */
export const ApiErrors = {
    proxyNotFound: () => new ToxiproxyApiError('proxy not found', 404),
    proxyAlreadyExists: () => new ToxiproxyApiError('proxy already exists', 409),
    invalidStream: () => new ToxiproxyApiError('stream was invalid, can be either upstream or downstream', 400),
    invalidToxicType: () => new ToxiproxyApiError('invalid toxic type', 400),
    toxicAlreadyExists: () => new ToxiproxyApiError('toxic already exists', 409),
    toxicNotFound: () => new ToxiproxyApiError('toxic not found', 404),
    /** `detail` is Go's decoder error, e.g. `invalid character 'o' in literal null (expecting 'u')`. */
    badRequestBody: (detail) => new ToxiproxyApiError(`bad request body: ${detail}`, 400),
    /** `field` is e.g. `name`, or `upstream at proxy 2` for populate. */
    missingField: (field) => new ToxiproxyApiError(`missing required field: ${field}`, 400),
    /** Anything else (a listen failure…): 500 with the Go error text. */
    internal: (message) => new ToxiproxyApiError(message, 500),
};
/** Any thrown value as a ToxiproxyApiError (unknown errors become 500 with their message). */
export function toApiError(err) {
    if (err instanceof ToxiproxyApiError)
        return err;
    return ApiErrors.internal(err instanceof Error ? err.message : String(err));
}
//# sourceMappingURL=errors.js.map