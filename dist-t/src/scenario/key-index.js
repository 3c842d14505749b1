import { scenarioJsonSchema } from './json-schema.js';
/**
 * Every key path a scenario may contain (`system.net.keepalive`), read from the JSON Schema so it never
 * drifts from the schema. Used to say where a key that is valid elsewhere belongs.
 */
let cached;
export function scenarioKeyPaths() {
    cached ??= collect(scenarioJsonSchema(), []);
    return cached;
}
function collect(node, prefix) {
    if (node === null || typeof node !== 'object')
        return [];
    const schema = node;
    const paths = [];
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
        const path = [...prefix, key];
        paths.push(path, ...collect(child, path));
    }
    for (const option of [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
        for (const path of collect(option, prefix)) {
            if (!paths.some((p) => p.join('.') === path.join('.')))
                paths.push(path);
        }
    }
    return paths;
}
//# sourceMappingURL=key-index.js.map