import { missingMember, serialization } from './api-errors.js';
/** Parses a request body; an empty body is `{}` as the service treats it. */
export function parseBody(raw) {
    if (raw.length === 0)
        return {};
    let value;
    try {
        value = JSON.parse(raw.toString('utf8'));
    }
    catch (err) {
        return serialization(`Request body is not valid JSON: ${err.message}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return serialization(`Request body must be a JSON object, got ${Array.isArray(value) ? 'an array' : String(value === null ? 'null' : typeof value)}`);
    }
    return value;
}
/** A member that must be a string; absent is the service's validation error, another type a serialization error. */
export function requiredString(body, member) {
    const value = body[member];
    if (typeof value === 'string')
        return value;
    if (value === undefined || value === null)
        return missingMember(member);
    return serialization(`${member} must be a string`);
}
export function optionalString(body, member) {
    const value = body[member];
    if (value === undefined || value === null)
        return undefined;
    return typeof value === 'string' ? value : serialization(`${member} must be a string`);
}
export function optionalInteger(body, member) {
    const value = body[member];
    if (value === undefined || value === null)
        return undefined;
    return Number.isSafeInteger(value) ? value : serialization(`${member} must be an integer`);
}
export function optionalBoolean(body, member) {
    const value = body[member];
    if (value === undefined || value === null)
        return undefined;
    return typeof value === 'boolean' ? value : serialization(`${member} must be a boolean`);
}
//# sourceMappingURL=request-body.js.map