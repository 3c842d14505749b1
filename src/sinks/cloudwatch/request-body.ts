import { missingMember, serialization, type ApiError } from './api-errors.js';

/** A request body after parsing: always a JSON object. */
export type JsonObject = Record<string, unknown>;

/** Parses a request body; an empty body is `{}` as the service treats it. */
export function parseBody(raw: Buffer): JsonObject | ApiError {
  if (raw.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch (err) {
    return serialization(`Request body is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return serialization(`Request body must be a JSON object, got ${Array.isArray(value) ? 'an array' : String(value === null ? 'null' : typeof value)}`);
  }
  return value as JsonObject;
}

/** A member that must be a string; absent is the service's validation error, another type a serialization error. */
export function requiredString(body: JsonObject, member: string): string | ApiError {
  const value = body[member];
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return missingMember(member);
  return serialization(`${member} must be a string`);
}

export function optionalString(body: JsonObject, member: string): string | undefined | ApiError {
  const value = body[member];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : serialization(`${member} must be a string`);
}

export function optionalInteger(body: JsonObject, member: string): number | undefined | ApiError {
  const value = body[member];
  if (value === undefined || value === null) return undefined;
  return Number.isSafeInteger(value) ? (value as number) : serialization(`${member} must be an integer`);
}

export function optionalBoolean(body: JsonObject, member: string): boolean | undefined | ApiError {
  const value = body[member];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'boolean' ? value : serialization(`${member} must be a boolean`);
}
