const OUTCOME_OF_TYPE = {
    ThrottlingException: 'throttled',
    InvalidSequenceTokenException: 'invalidSequenceToken',
    DataAlreadyAcceptedException: 'dataAlreadyAccepted',
    InvalidParameterException: 'invalidParameter',
    ResourceNotFoundException: 'resourceNotFound',
    ResourceAlreadyExistsException: 'resourceAlreadyExists',
    SerializationException: 'badRequest',
    UnknownOperationException: 'badRequest',
    RequestEntityTooLargeException: 'badRequest',
    ServiceUnavailableException: 'serverError',
};
export function errorAnswer(error, outcome = OUTCOME_OF_TYPE[error.type] ?? 'internalError') {
    return { status: error.status, body: error.body, outcome };
}
export function okAnswer(body = '', outcome = 'ok') {
    return { status: 200, body, outcome };
}
//# sourceMappingURL=answer.js.map