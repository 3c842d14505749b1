import type { ApiError } from './api-errors.js';
import type { Outcome } from './counters.js';

/** What a request is answered with, before the server writes it. */
export interface Answer {
  status: number;
  body: string;
  outcome: Outcome;
}

const OUTCOME_OF_TYPE: Readonly<Record<string, Outcome>> = {
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

export function errorAnswer(error: ApiError, outcome: Outcome = OUTCOME_OF_TYPE[error.type] ?? 'internalError'): Answer {
  return { status: error.status, body: error.body, outcome };
}

export function okAnswer(body = '', outcome: Outcome = 'ok'): Answer {
  return { status: 200, body, outcome };
}
