const NAME = /^[a-z][a-z0-9-]*$/;
const kinds = new Map();
let version = 0;
/** Adds a report format. A name or file already taken, or a malformed name, is refused with a TypeError. */
export function registerRenderer(kind) {
    if (!NAME.test(kind.name))
        throw new TypeError(`a report format's name is lowercase letters, digits and '-', got ${JSON.stringify(kind.name)}`);
    if (kinds.has(kind.name))
        throw new TypeError(`report format ${JSON.stringify(kind.name)} is registered already`);
    if (typeof kind.render !== 'function')
        throw new TypeError(`report format ${JSON.stringify(kind.name)} has no render function`);
    if (kind.file !== undefined) {
        if (kind.file === 'results.json' || kind.file === 'journal.jsonl' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(kind.file)) {
            throw new TypeError(`report format ${JSON.stringify(kind.name)}: ${JSON.stringify(kind.file)} is not a file name it may write in the run folder`);
        }
        const taken = [...kinds.values()].find((k) => k.file === kind.file);
        if (taken)
            throw new TypeError(`report format ${JSON.stringify(kind.name)}: ${kind.file} is written by ${taken.name} already`);
    }
    kinds.set(kind.name, kind);
    version += 1;
    return kind;
}
/** The registered format of that name, or undefined. */
export function rendererKind(name) {
    return kinds.get(name);
}
/** Every registered format, in registration order (the built-in ones first). */
export function rendererKinds() {
    return [...kinds.values()];
}
export function isReportFormat(name) {
    return kinds.has(name);
}
/** Changes whenever a format is registered: a schema built from the formats is stale when it moved. */
export function renderersVersion() {
    return version;
}
//# sourceMappingURL=registry.js.map