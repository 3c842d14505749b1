import { type ApiError } from './api-errors.js';
/** A request body after parsing: always a JSON object. */
export type JsonObject = Record<string, unknown>;
/** Parses a request body; an empty body is `{}` as the service treats it. */
export declare function parseBody(raw: Buffer): JsonObject | ApiError;
/** A member that must be a string; absent is the service's validation error, another type a serialization error. */
export declare function requiredString(body: JsonObject, member: string): string | ApiError;
export declare function optionalString(body: JsonObject, member: string): string | undefined | ApiError;
export declare function optionalInteger(body: JsonObject, member: string): number | undefined | ApiError;
export declare function optionalBoolean(body: JsonObject, member: string): boolean | undefined | ApiError;
