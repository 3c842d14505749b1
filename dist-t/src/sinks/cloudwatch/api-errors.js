/**
 * CloudWatch Logs errors as the service sends them: an HTTP status and a JSON body
 * `{"__type":"...","message":"..."}`, plus extra members for some types (`expectedSequenceToken`).
 */
export class ApiError {
    status;
    type;
    /** The complete response body. */
    body;
    constructor(status, type, body) {
        this.status = status;
        this.type = type;
        this.body = body;
    }
}
function apiError(status, type, message, extra) {
    return new ApiError(status, type, JSON.stringify({ __type: type, message, ...extra }));
}
/**
 * Byte for byte what the service sends when a quota is exceeded: 58 bytes, the `content-length 58` seen on
 * the wire (domain.md §3). Built once; it is the answer to every throttled request.
 */
export const THROTTLED = new ApiError(400, 'ThrottlingException', '{"__type":"ThrottlingException","message":"Rate exceeded"}');
export const invalidParameter = (message) => apiError(400, 'InvalidParameterException', message);
/** A required member is absent, worded as the service's request validation words it. */
export const missingMember = (member) => invalidParameter(`1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
export const serialization = (message) => apiError(400, 'SerializationException', message);
export const unknownOperation = (message) => apiError(400, 'UnknownOperationException', message);
/** The mock's own answer to a body over its per-request maximum (limits.ts): the service documents no HTTP body limit. */
export const tooLarge = (limit) => apiError(413, 'RequestEntityTooLargeException', `Request body exceeds the limit of ${limit} bytes`);
export const groupNotFound = () => apiError(400, 'ResourceNotFoundException', 'The specified log group does not exist.');
export const streamNotFound = () => apiError(400, 'ResourceNotFoundException', 'The specified log stream does not exist.');
export const groupExists = () => apiError(400, 'ResourceAlreadyExistsException', 'The specified log group already exists');
export const streamExists = () => apiError(400, 'ResourceAlreadyExistsException', 'The specified log stream already exists');
/** `expected` is undefined on a stream that has had no put yet; the service then says `null`. */
export const invalidSequenceToken = (expected) => apiError(400, 'InvalidSequenceTokenException', `The given sequenceToken is invalid. The next expected sequenceToken is: ${expected ?? 'null'}`, {
    expectedSequenceToken: expected ?? null,
});
export const dataAlreadyAccepted = (expected) => apiError(400, 'DataAlreadyAcceptedException', `The given batch of log events has already been accepted. The next batch can be sent with sequenceToken: ${expected}`, {
    expectedSequenceToken: expected,
});
/** An injected server-side failure (sink fault `error` or `duplicate`). The service documents 500 for this type. */
export const serviceUnavailable = (status) => apiError(status, 'ServiceUnavailableException', 'The service cannot complete the request.');
export const internalFailure = () => apiError(500, 'InternalFailure', 'The request processing has failed because of an unknown error.');
//# sourceMappingURL=api-errors.js.map