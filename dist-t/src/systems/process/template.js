/**
 * The placeholders of a process target's config template, arguments and environment: `{{sink.url}}` and
 * the like, filled per instance with the addresses duress gives it. Nothing else of a template language:
 * a real program's config has its own syntax, and only these values differ between instances.
 */
/** Every placeholder, with what it is replaced by (the README's table is made from the same words). */
export const PLACEHOLDERS = {
    id: "the instance's id, c<cell>s<slot>g<generation>: unique within the run",
    slot: "the instance's slot in its cell, from 0",
    dir: "the instance's own working folder (absolute)",
    config: 'the rendered config file (absolute path)',
    'input.host': 'the address the program listens on for its input (input via tcp or http)',
    'input.port': 'the port the program listens on for its input (input via tcp or http)',
    'input.file': 'the file duress appends the records to (input via file); rotated by renaming to <file>.1',
    'sink.url': "the sink's origin through the instance's own proxy route (http://127.0.0.1:41234)",
    'sink.host': "the sink's host through the route: its address, or its DNS name with system.dns",
    'sink.address': "the route's IP address (127.0.0.1, or the instance's own with system.loopback)",
    'sink.port': "the route's port",
    'sink.channel': "the instance's name at the sink: its CloudWatch log stream (the same for every generation of the slot)",
    'sink.tls': 'on when the sink serves HTTPS, else off',
    'sink.caFile': "the sink's CA certificate (PEM file) when it serves HTTPS, else empty",
    'dns.host': "duress's DNS fault server's address (needs system.dns: true)",
    'dns.port': "duress's DNS fault server's port (needs system.dns: true)",
};
/** `{{ name }}`, spaces allowed inside the braces. */
const PATTERN = /\{\{\s*([a-zA-Z.]+)\s*\}\}/g;
/** The placeholders `text` names, known or not. */
export function placeholdersIn(text) {
    return [...text.matchAll(PATTERN)].map((m) => m[1]);
}
function isPlaceholder(name) {
    return Object.hasOwn(PLACEHOLDERS, name);
}
/** Why `text` cannot be rendered (an unknown placeholder, with the known ones), or undefined. */
export function templateProblem(text, allowed = () => undefined) {
    for (const name of placeholdersIn(text)) {
        if (!isPlaceholder(name))
            return `unknown placeholder {{${name}}}; expected one of ${Object.keys(PLACEHOLDERS).map((p) => `{{${p}}}`).join(', ')}`;
        const why = allowed(name);
        if (why !== undefined)
            return `{{${name}}} ${why}`;
    }
    return undefined;
}
/** `text` with every placeholder replaced (the schema has refused unknown ones). */
export function renderTemplate(text, values) {
    return text.replace(PATTERN, (whole, name) => (isPlaceholder(name) ? values[name] : whole));
}
//# sourceMappingURL=template.js.map