/**
 * Just enough of Go's encoding/json to answer like Toxiproxy does: a parser whose syntax errors carry Go's
 * texts (`invalid character 'o' in literal null (expecting 'u')`, `unexpected EOF`, `EOF`), decoding of a
 * parsed value into a described Go struct with Go's type-error texts and its case-insensitive key matching,
 * and an encoder for strings and float32 values that prints what Go's Marshal prints.
 */
export type JValue = {
    kind: 'null';
} | {
    kind: 'bool';
    value: boolean;
} | {
    kind: 'number';
    text: string;
} | {
    kind: 'string';
    value: string;
} | {
    kind: 'array';
    items: JValue[];
} | {
    kind: 'object';
    entries: [string, JValue][];
};
export declare class GoJsonError extends Error {
}
/**
 * Reads the first JSON value of `body` the way a Go `json.Decoder` does: bytes after a complete value are
 * not looked at, an empty body is `EOF`, a cut-off one `unexpected EOF`. Throws GoJsonError.
 */
export declare function parseGoJson(body: Uint8Array): JValue;
/** A JavaScript value as a parsed JSON value, for programmatic callers that skip the HTTP layer. */
export declare function toJValue(v: unknown): JValue;
/** The Go kinds our request structs use. `object` accepts any object (Go: a struct whose fields we ignore). */
export type GoKind = 'string' | 'bool' | 'nullable-bool' | 'int64' | 'int' | 'float32' | 'object';
export interface GoField {
    /** The JSON key (the field's tag). */
    key: string;
    kind: GoKind;
    /** How Go spells the field's type in errors, e.g. `zerolog.Logger`; defaults to the kind. */
    goType?: string;
}
export interface GoStruct {
    /** The struct's type name as `reflect.Type.Name()` gives it; '' for anonymous structs. */
    name: string;
    fields: readonly GoField[];
}
export type GoScalar = string | boolean | number | null;
/** Go's UnmarshalTypeError text. */
export declare function typeErrorText(what: string, goType: string, struct?: string, field?: string): string;
export interface DecodedStruct {
    /** Fields that were given a value, by field key: scalars decoded, `object` fields as their raw value. */
    values: Map<string, GoScalar | JValue>;
    /** Go's text for the first type error met, if any. */
    error?: string;
}
/**
 * Decodes an object into a struct as Go does: keys match field tags exactly or else case-insensitively,
 * unknown keys are ignored, null leaves a field alone, later duplicates win, and the first type error (in
 * document order) is reported while the rest still decodes. `path` prefixes field names in errors
 * (Go's field stack, e.g. `attributes`).
 */
export declare function decodeStruct(v: JValue, struct: GoStruct, goTypeName: string, errStruct?: string, path?: string): DecodedStruct;
/**
 * A string as Go's json.Marshal writes it (HTML-safe escapes, \u2028/\u2029, Go 1.22 control escapes, a lone
 * surrogate as \ufffd). Runs without escapes are copied as slices, so a long string costs about its size.
 */
export declare function goJsonString(s: string): string;
/** A float32 as Go's json.Marshal writes it: the shortest decimal that reads back as the same float32. */
export declare function goFloat32(x: number): string;
